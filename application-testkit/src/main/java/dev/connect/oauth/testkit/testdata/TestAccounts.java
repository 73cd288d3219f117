package dev.connect.oauth.testkit.testdata;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.PasswordHash;
import dev.connect.oauth.domain.Phone;
import dev.connect.oauth.domain.Role;
import dev.connect.oauth.testkit.fake.FakePasswordHasher;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts with a fresh id and a fresh email, no phone, and {@link #PASSWORD} hashed by the
 * {@link FakePasswordHasher}; and the API keys every account is stored with.
 */
public final class TestAccounts {
    public static final String PASSWORD = "correct horse battery staple";
    private static final PasswordHash PASSWORD_HASH = new FakePasswordHasher().hash(PASSWORD);

    private TestAccounts() {
    }

    public static Builder customer() {
        return new Builder(Role.CUSTOMER);
    }

    public static Builder admin() {
        return new Builder(Role.ADMIN);
    }

    /**
     * A fresh active key of {@code owner}, issued when the account was created: what
     * {@code AccountRepository.add} stores with the account (no test needs to know the key itself).
     */
    public static IssuedApiKey keyOf(Account owner) {
        return IssuedApiKey.issue(new ApiKeyId(TestIds.identifier()), owner.id(), TestIds.hashOf(TestIds.secret()),
                owner.createdAt());
    }

    /** Builds an {@link Account}; every field starts valid and unique. */
    public static final class Builder {
        private AccountId id = new AccountId(TestIds.identifier());
        private Email email = new Email("user-" + id.value() + "@example.com");
        private Optional<Phone> phone = Optional.empty();
        private String name = "Ada Lovelace";
        private final Role role;
        private Optional<PasswordHash> password = Optional.of(PASSWORD_HASH);
        private Instant createdAt = MutableClock.START;

        private Builder(Role role) {
            this.role = role;
        }

        public Builder id(AccountId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder email(String email) {
            this.email = new Email(email);
            return this;
        }

        public Builder phone(String phone) {
            this.phone = Optional.of(Phone.parse(phone));
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder withoutPassword() {
            this.password = Optional.empty();
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Account build() {
            return new Account(id, email, phone, name, role, password, createdAt);
        }
    }
}
