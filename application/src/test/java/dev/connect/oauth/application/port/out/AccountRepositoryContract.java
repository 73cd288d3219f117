package dev.connect.oauth.application.port.out;

import static dev.connect.oauth.application.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.testdata.TestAccounts;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.Role;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promise of {@link AccountRepository}: email and phone unique, atomically. */
public abstract class AccountRepositoryContract extends StoreContract {

    @Test
    void findByIdWhenAddedWithPhoneAndPasswordThenReturnsEveryField() {
        Account account = TestAccounts.admin().name("Grace Hopper").email("grace@example.com")
                .phone("+44 20 7946 0958").createdAt(at(4_321)).build();

        store.accounts().add(account);

        assertThat(store.accounts().findById(account.id())).contains(account);
    }

    @Test
    void findByIdWhenAddedWithoutPhoneOrPasswordThenBothAbsent() {
        Account account = TestAccounts.customer().withoutPassword().build();

        store.accounts().add(account);

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
        Account account = TestAccounts.customer().email("Ada.Lovelace@Example.com").build();
        store.accounts().add(account);

        assertThat(store.accounts().findByEmail(new Email("ADA.LOVELACE@EXAMPLE.COM"))).contains(account);
    }

    @Test
    void addWhenEmailTakenInAnotherCaseThenEmailExistsAndStoresNothing() {
        store.accounts().add(TestAccounts.customer().email("ada@example.com").build());
        Account second = TestAccounts.customer().email("ADA@example.com").build();

        assertRejected(() -> store.accounts().add(second), ErrorCode.EMAIL_EXISTS);

        assertThat(store.accounts().findById(second.id())).isEmpty();
    }

    @Test
    void addWhenPhoneTakenThenPhoneExistsAndStoresNothing() {
        store.accounts().add(TestAccounts.customer().phone("+14155550100").build());
        Account second = TestAccounts.customer().phone("001 (415) 555-0100").build();

        assertRejected(() -> store.accounts().add(second), ErrorCode.PHONE_EXISTS);

        assertThat(store.accounts().findById(second.id())).isEmpty();
        assertThat(store.accounts().findByEmail(second.email())).isEmpty();
    }

    @Test
    void addWhenSeveralAccountsHaveNoPhoneThenAllStored() {
        Account first = TestAccounts.customer().build();
        Account second = TestAccounts.customer().build();

        store.accounts().add(first);
        store.accounts().add(second);

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
                store.accounts().add(racers.get(racer));
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

        store.accounts().add(TestAccounts.customer().build());

        assertThat(store.accounts().existsWithRole(Role.ADMIN)).isFalse();
        assertThat(store.accounts().existsWithRole(Role.CUSTOMER)).isTrue();

        store.accounts().add(TestAccounts.admin().build());

        assertThat(store.accounts().existsWithRole(Role.ADMIN)).isTrue();
    }
}
