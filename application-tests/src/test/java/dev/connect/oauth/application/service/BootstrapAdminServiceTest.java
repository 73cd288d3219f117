package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Role;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BootstrapAdminServiceTest {
    private static final String KEY = ApiKey.PREFIX + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final String OTHER_KEY = ApiKey.PREFIX + "QPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba";

    private final TestApplication app = new TestApplication();

    @Test
    void bootstrapWhenNoAdminThenAdminWithTheGivenKey() {
        CreatedAccount created = bootstrap("root@example.com", Optional.of(KEY), true).orElseThrow();

        assertThat(created.account().role()).isEqualTo(Role.ADMIN);
        assertThat(created.account().password()).isEmpty();
        assertThat(created.apiKey().key().value()).isEqualTo(KEY);
        assertThat(app.authenticateApiKey.authenticate(Optional.of(KEY)).account()).isEqualTo(created.account());
    }

    @Test
    void bootstrapWhenRunAgainWithOnlyIfNoAdminThenNothingChanges() {
        CreatedAccount first = bootstrap("root@example.com", Optional.of(KEY), true).orElseThrow();

        assertThat(bootstrap("root@example.com", Optional.of(KEY), true)).isEmpty();
        assertThat(bootstrap("other@example.com", Optional.empty(), true)).isEmpty();
        assertThat(app.authenticateApiKey.authenticate(Optional.of(KEY)).account()).isEqualTo(first.account());
    }

    @Test
    void bootstrapWhenNoKeyGivenThenOneGenerated() {
        CreatedAccount created = bootstrap("root@example.com", Optional.empty(), false).orElseThrow();

        assertThat(created.apiKey().key().value()).matches(ApiKey.PREFIX + "[A-Za-z0-9_-]{43}");
        assertThat(app.authenticateApiKey.authenticate(Optional.of(created.apiKey().key().value())).account().isAdmin()).isTrue();
    }

    @Test
    void bootstrapWhenFromCliThenAnotherAdminEvenIfOneExists() {
        bootstrap("root@example.com", Optional.of(KEY), true);

        assertThat(bootstrap("second@example.com", Optional.empty(), false)).isPresent();
    }

    @Test
    void bootstrapWhenKeyNotInIssuedFormatThenMalformedApiKeyAndNoAccount() {
        assertRejected(() -> bootstrap("root@example.com", Optional.of("secret"), true), ErrorCode.MALFORMED_API_KEY);
        assertRejected(() -> bootstrap("root@example.com", Optional.of(""), true), ErrorCode.MALFORMED_API_KEY);

        assertThat(app.ports.accounts().existsWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void bootstrapWhenKeyAlreadyIssuedThenInvalidRequestNoAccountAndTheRetrySucceeds() {
        CreatedAccount root = bootstrap("root@example.com", Optional.of(KEY), true).orElseThrow();

        assertRejected(() -> bootstrap("second@example.com", Optional.of(KEY), false), ErrorCode.INVALID_REQUEST);

        assertThat(app.ports.accounts().findByEmail(new Email("second@example.com"))).isEmpty();
        CreatedAccount retried = bootstrap("second@example.com", Optional.empty(), false).orElseThrow();
        assertThat(app.authenticateApiKey.authenticate(Optional.of(retried.apiKey().key().value())).account())
                .isEqualTo(retried.account());
        assertThat(app.authenticateApiKey.authenticate(Optional.of(KEY)).account()).isEqualTo(root.account());
    }

    @ParameterizedTest
    @EnumSource(RacingAccountRepository.Moment.class)
    void bootstrapWhenAnotherNodeCreatedTheSameAdminMeanwhileThenNothingCreatedAndNoFailure(
            RacingAccountRepository.Moment moment) {
        BootstrapAdminService losingNode = nodeRacing(moment, () -> bootstrap("root@example.com", Optional.of(KEY), true));

        assertThat(losingNode.bootstrap(new BootstrapAdminCommand("root@example.com", "Root", Optional.of(KEY), true)))
                .isEmpty();

        Account admin = app.authenticateApiKey.authenticate(Optional.of(KEY)).account();
        assertThat(admin.email()).isEqualTo(new Email("root@example.com"));
        assertThat(admin.isAdmin()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RacingAccountRepository.Moment.class)
    void bootstrapWhenAnotherNodeCreatedTheEmailWithAnotherKeyMeanwhileThenTheRefusalStands(
            RacingAccountRepository.Moment moment) {
        BootstrapAdminService losingNode = nodeRacing(moment,
                () -> bootstrap("root@example.com", Optional.of(OTHER_KEY), true));

        assertRejected(() -> losingNode.bootstrap(new BootstrapAdminCommand("root@example.com", "Root",
                Optional.of(KEY), true)), ErrorCode.EMAIL_EXISTS);
    }

    @Test
    void bootstrapWhenAnotherNodeCreatedACustomerWithTheEmailMeanwhileThenTheRefusalStands() {
        BootstrapAdminService losingNode = nodeRacing(RacingAccountRepository.Moment.BEFORE_INSERT,
                () -> {
                    Account customer = TestAccounts.customer().email("root@example.com").build();
                    app.ports.accounts().add(customer, TestAccounts.keyOf(customer));
                });

        assertRejected(() -> losingNode.bootstrap(new BootstrapAdminCommand("root@example.com", "Root",
                Optional.of(KEY), true)), ErrorCode.EMAIL_EXISTS);
        assertThat(app.ports.accounts().existsWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void bootstrapWhenEmailMalformedThenEmailInvalid() {
        assertRejected(() -> bootstrap("root", Optional.of(KEY), true), ErrorCode.EMAIL_INVALID);
    }

    /** The service as another node runs it, on the same store, losing the race at {@code moment}. */
    private BootstrapAdminService nodeRacing(RacingAccountRepository.Moment moment, Runnable otherNode) {
        return new BootstrapAdminService(new RacingAccountRepository(app.ports.accounts(), moment, otherNode),
                app.ports.apiKeys(), app.generator, app.secretHasher, app.ports.audit(), app.clock);
    }

    private Optional<CreatedAccount> bootstrap(String email, Optional<String> key, boolean onlyIfNoAdmin) {
        return app.bootstrapAdmin.bootstrap(new BootstrapAdminCommand(email, "Root", key, onlyIfNoAdmin));
    }
}
