package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.principal;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.CreateAccountCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Phone;
import dev.connect.oauth.domain.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateAccountServiceTest {
    private static final String PASSWORD = "s3cret-enough";

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Principal admin = principal(scenario.admin());

    @Test
    void createWhenFieldsValidThenAccountWithWorkingApiKey() {
        CreatedAccount created = create("  Grace@Example.COM ", "+44 20 7946-0958", "Grace Hopper", PASSWORD, null);

        assertThat(created.account().email().value()).isEqualTo("grace@example.com");
        assertThat(created.account().phone()).contains(new Phone("+442079460958"));
        assertThat(created.account().name()).isEqualTo("Grace Hopper");
        assertThat(created.account().role()).isEqualTo(Role.CUSTOMER);
        assertThat(created.apiKey().key().value()).startsWith(ApiKey.PREFIX).hasSize(46);
        assertThat(created.apiKey().issued().accountId()).isEqualTo(created.account().id());
        assertThat(app.authenticateApiKey.authenticate(Optional.of(created.apiKey().key().value())).account())
                .isEqualTo(created.account());
    }

    @Test
    void createWhenPasswordGivenThenStoredHashedAndSignInWorks() {
        CreatedAccount created = create("ada@example.com", null, "Ada", PASSWORD, "admin");

        assertThat(created.account().password()).hasValueSatisfying(hash ->
                assertThat(hash.encoded()).doesNotContain(PASSWORD));
        assertThat(created.account().role()).isEqualTo(Role.ADMIN);
        assertThat(app.signIn.signIn(new SignInCommand(Optional.of("ada@example.com"), Optional.of(PASSWORD), RequestSource.UNKNOWN)).accountId())
                .isEqualTo(created.account().id());
    }

    @Test
    void createWhenNoPasswordThenAccountCannotSignIn() {
        CreatedAccount created = create("ada@example.com", null, "Ada", null, null);

        assertThat(created.account().password()).isEmpty();
    }

    @Test
    void createWhenCallerIsCustomerThenForbidden() {
        Principal customer = principal(scenario.customer());

        assertRejected(() -> app.createAccount.create(new CreateAccountCommand(customer, Optional.of("ada@example.com"), Optional.empty(),
                Optional.of("Ada"), Optional.empty(), Optional.empty())), ErrorCode.FORBIDDEN);
        assertThat(app.ports.accounts().findByEmail(new Email("ada@example.com"))).isEmpty();
    }

    @Test
    void createWhenEmailAbsentThenEmailRequired() {
        assertRejected(() -> create(null, null, "Ada", null, null), ErrorCode.EMAIL_REQUIRED);
        assertRejected(() -> create("  ", null, "Ada", null, null), ErrorCode.EMAIL_REQUIRED);
    }

    @Test
    void createWhenEmailMalformedThenEmailInvalid() {
        assertRejected(() -> create("ada@", null, "Ada", null, null), ErrorCode.EMAIL_INVALID);
    }

    @Test
    void createWhenEmailTakenInAnyCaseThenEmailExists() {
        create("ada@example.com", null, "Ada", null, null);

        assertRejected(() -> create("ADA@example.com", null, "Ada Two", null, null), ErrorCode.EMAIL_EXISTS);
    }

    @Test
    void createWhenPhoneTakenInAnyNotationThenPhoneExists() {
        create("ada@example.com", "+44 20 7946 0958", "Ada", null, null);

        assertRejected(() -> create("bob@example.com", "0044 (20) 79460958", "Bob", null, null),
                ErrorCode.PHONE_EXISTS);
    }

    @Test
    void createWhenNameAbsentOrBlankThenInvalidRequest() {
        assertRejected(() -> create("ada@example.com", null, null, null, null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> create("ada@example.com", null, " ", null, null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void createWhenPasswordTooShortOrTooLongThenInvalidRequest() {
        assertRejected(() -> create("ada@example.com", null, "Ada", "1234567", null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> create("ada@example.com", null, "Ada",
                "x".repeat(CreateAccountService.MAX_PASSWORD_LENGTH + 1), null), ErrorCode.INVALID_REQUEST);
        assertThat(create("ada@example.com", null, "Ada", "12345678", null).account().password()).isPresent();
    }

    @Test
    void createWhenPhoneOrRoleMalformedThenInvalidRequest() {
        assertRejected(() -> create("ada@example.com", "020 7946 0958", "Ada", null, null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> create("ada@example.com", null, "Ada", null, "root"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void createWhenCreatedThenAuditedWithoutTheKey() {
        CreatedAccount created = create("ada@example.com", null, "Ada", PASSWORD, null);

        assertThat(app.ports.audit().recent(10)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.ACCOUNT_CREATED);
            assertThat(event.accountId()).isEqualTo(Optional.of(created.account().id().value()));
            assertThat(event.detail()).doesNotContain(created.apiKey().key().value()).doesNotContain(PASSWORD);
        });
    }

    @Test
    void createWhenStoreFailsThenNothingLeftAndTheRetrySucceeds() {
        app.store.setAvailable(false);
        assertThatThrownBy(() -> create("ada@example.com", null, "Ada", PASSWORD, null))
                .isInstanceOf(StoreUnavailableException.class);
        app.store.setAvailable(true);

        assertThat(app.ports.accounts().findByEmail(new Email("ada@example.com"))).isEmpty();
        CreatedAccount retried = create("ada@example.com", null, "Ada", PASSWORD, null);
        assertThat(app.authenticateApiKey.authenticate(Optional.of(retried.apiKey().key().value())).account())
                .isEqualTo(retried.account());
    }

    private CreatedAccount create(String email, String phone, String name, String password, String role) {
        return app.createAccount.create(new CreateAccountCommand(admin, Optional.ofNullable(email), Optional.ofNullable(phone), Optional.ofNullable(name), Optional.ofNullable(password), Optional.ofNullable(role)));
    }
}
