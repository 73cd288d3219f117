package dev.connect.oauth.testkit.contract;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.Role;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link AccountRepository}: an account and its first API key stored together or
 * not at all; email and phone unique, atomically.
 */
public abstract class AccountRepositoryContract extends StoreContract {

    @Test
    void addThenStoresTheAccountAndItsFirstKey() {
        Account account = TestAccounts.customer().build();
        IssuedApiKey firstKey = TestAccounts.keyOf(account);

        store.accounts().add(account, firstKey);

        assertThat(store.accounts().findById(account.id())).contains(account);
        assertThat(store.apiKeys().findByHash(firstKey.hash())).contains(firstKey);
    }

    @Test
    void addWhenTheKeyCannotBeStoredThenNeitherIsTheAccount() {
        Account owner = storedAccount();
        IssuedApiKey existing = TestAccounts.keyOf(owner);
        store.apiKeys().add(existing);
        Account account = TestAccounts.customer().build();
        IssuedApiKey clash = new IssuedApiKey(existing.id(), account.id(), existing.hash(), account.createdAt(),
                Optional.empty());

        assertThatThrownBy(() -> store.accounts().add(account, clash)).isInstanceOf(RuntimeException.class);

        assertThat(store.accounts().findById(account.id())).isEmpty();
        assertThat(store.accounts().findByEmail(account.email())).isEmpty();
        assertThat(store.apiKeys().findByHash(existing.hash())).contains(existing);
    }

    @Test
    void addWhenKeyOfAnotherAccountThenRefusedAndStoresNothing() {
        Account other = storedAccount();
        Account account = TestAccounts.customer().build();
        IssuedApiKey othersKey = TestAccounts.keyOf(other);

        assertThatThrownBy(() -> store.accounts().add(account, othersKey))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.accounts().findById(account.id())).isEmpty();
        assertThat(store.apiKeys().findByHash(othersKey.hash())).isEmpty();
    }

    @Test
    void findByIdWhenAddedWithPhoneAndPasswordThenReturnsEveryField() {
        Account account = TestAccounts.admin().name("Grace Hopper").email("grace@example.com")
                .phone("+44 20 7946 0958").createdAt(at(4_321)).build();

        storedAccount(account);

        assertThat(store.accounts().findById(account.id())).contains(account);
    }

    @Test
    void findByIdWhenAddedWithoutPhoneOrPasswordThenBothAbsent() {
        Account account = TestAccounts.customer().withoutPassword().build();

        storedAccount(account);

        Account found = store.accounts().findById(account.id()).orElseThrow();
        assertThat(found).isEqualTo(account);
        assertThat(found.phone()).isEmpty();
        assertThat(found.password()).isEmpty();
    }

    @Test
    void findWhenUnknownThenEmpty() {
        storedAccount();

        assertThat(store.accounts().findById(new AccountId("no-such-account"))).isEmpty();
        assertThat(store.accounts().findByEmail(new Email("nobody@example.com"))).isEmpty();
    }

    @Test
    void findByEmailWhenWrittenInAnotherCaseThenFindsTheAccount() {
        Account account = storedAccount(TestAccounts.customer().email("Ada.Lovelace@Example.com").build());

        assertThat(store.accounts().findByEmail(new Email("ADA.LOVELACE@EXAMPLE.COM"))).contains(account);
    }

    @Test
    void addWhenEmailTakenInAnotherCaseThenEmailExistsAndStoresNothing() {
        storedAccount(TestAccounts.customer().email("ada@example.com").build());
        Account second = TestAccounts.customer().email("ADA@example.com").build();
        IssuedApiKey secondKey = TestAccounts.keyOf(second);

        assertRejected(() -> store.accounts().add(second, secondKey), ErrorCode.EMAIL_EXISTS);

        assertThat(store.accounts().findById(second.id())).isEmpty();
        assertThat(store.apiKeys().findByHash(secondKey.hash())).isEmpty();
    }

    @Test
    void addWhenPhoneTakenThenPhoneExistsAndStoresNothing() {
        storedAccount(TestAccounts.customer().phone("+14155550100").build());
        Account second = TestAccounts.customer().phone("001 (415) 555-0100").build();
        IssuedApiKey secondKey = TestAccounts.keyOf(second);

        assertRejected(() -> store.accounts().add(second, secondKey), ErrorCode.PHONE_EXISTS);

        assertThat(store.accounts().findById(second.id())).isEmpty();
        assertThat(store.accounts().findByEmail(second.email())).isEmpty();
        assertThat(store.apiKeys().findByHash(secondKey.hash())).isEmpty();
    }

    @Test
    void addWhenSeveralAccountsHaveNoPhoneThenAllStored() {
        Account first = TestAccounts.customer().build();
        Account second = TestAccounts.customer().build();

        storedAccount(first);
        storedAccount(second);

        assertThat(store.accounts().findById(first.id())).contains(first);
        assertThat(store.accounts().findById(second.id())).contains(second);
    }

    @Test
    void addWhenRacingForOneEmailThenExactlyOneWins() throws Exception {
        List<Account> racers = IntStream.range(0, RACERS)
                .mapToObj(i -> TestAccounts.customer().email("race@example.com").build())
                .toList();

        List<ErrorCode> outcomes = race(racer -> {
            try {
                storedAccount(racers.get(racer));
                return null;
            } catch (OAuthException e) {
                return e.errorCode();
            }
        });

        assertThat(outcomes).filteredOn(Objects::isNull).hasSize(1);
        assertThat(outcomes).filteredOn(Objects::nonNull).hasSize(RACERS - 1)
                .containsOnly(ErrorCode.EMAIL_EXISTS);
        assertThat(racers).filteredOn(a -> store.accounts().findById(a.id()).isPresent()).hasSize(1);
    }

    @Test
    void existsWithRoleThenTellsWhetherAnyAccountHasIt() {
        assertThat(store.accounts().existsWithRole(Role.ADMIN)).isFalse();
        assertThat(store.accounts().existsWithRole(Role.CUSTOMER)).isFalse();

        storedAccount();

        assertThat(store.accounts().existsWithRole(Role.ADMIN)).isFalse();
        assertThat(store.accounts().existsWithRole(Role.CUSTOMER)).isTrue();

        storedAccount(TestAccounts.admin().build());

        assertThat(store.accounts().existsWithRole(Role.ADMIN)).isTrue();
    }
}
