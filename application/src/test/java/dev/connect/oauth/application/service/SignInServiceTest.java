package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignInUseCase;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.testdata.MutableClock;
import dev.connect.oauth.application.testdata.TestAccounts;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.PasswordHash;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignInServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();

    @Test
    void signInWhenPasswordRightThenSessionResolvesToTheAccount() {
        SignedIn signedIn = signIn(account.email().value(), TestAccounts.PASSWORD);

        assertThat(signedIn.accountId()).isEqualTo(account.id());
        assertThat(signedIn.expiresAt()).isEqualTo(MutableClock.START.plus(app.policy.sessionTtl()));
        assertThat(signedIn.sessionToken()).hasSize(43);
        assertThat(app.resolveSession.resolve(signedIn.sessionToken())).contains(account);
    }

    @Test
    void signInWhenEmailInOtherCaseThenSignedIn() {
        assertThat(signIn(account.email().value().toUpperCase(Locale.ROOT), TestAccounts.PASSWORD)
                .accountId()).isEqualTo(account.id());
    }

    @Test
    void signInWhenPasswordWrongThenAccessDeniedAndAudited() {
        OAuthException rejected = rejection(account.email().value(), "wrong password");

        assertThat(rejected.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(rejected.description()).isEqualTo("Wrong email or password.");
        assertThat(app.ports.audit().recent(10)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditTrail.SIGN_IN_FAILED);
            assertThat(event.accountId()).contains(account.id().value());
        });
    }

    @Test
    void signInWhenEmailUnknownOrMalformedThenSameAnswerAsWrongPassword() {
        OAuthException wrongPassword = rejection(account.email().value(), "wrong password");
        OAuthException unknown = rejection("nobody@example.com", TestAccounts.PASSWORD);
        OAuthException malformed = rejection("not an email", TestAccounts.PASSWORD);

        assertThat(unknown.errorCode()).isEqualTo(wrongPassword.errorCode());
        assertThat(unknown.description()).isEqualTo(wrongPassword.description());
        assertThat(malformed.errorCode()).isEqualTo(wrongPassword.errorCode());
        assertThat(malformed.description()).isEqualTo(wrongPassword.description());
    }

    @Test
    void signInWhenEmailUnknownThenAPasswordIsVerifiedAnyway() {
        CountingPasswordHasher counting = new CountingPasswordHasher(app.passwordHasher);
        SignInUseCase service = new SignInService(app.ports.accounts(), app.ports.sessions(), counting,
                app.generator, app.secretHasher, app.ports.audit(), app.clock, app.policy);

        assertRejected(() -> service.signIn(new SignInCommand("nobody@example.com", TestAccounts.PASSWORD)),
                ErrorCode.ACCESS_DENIED);

        assertThat(counting.verifications.get()).isEqualTo(1);
    }

    @Test
    void signInWhenAccountHasNoPasswordThenAccessDenied() {
        Account keyOnly = scenario.add(TestAccounts.customer().withoutPassword().build());

        assertRejected(() -> signIn(keyOnly.email().value(), TestAccounts.PASSWORD), ErrorCode.ACCESS_DENIED);
        assertRejected(() -> signIn(keyOnly.email().value(), "anything at all"), ErrorCode.ACCESS_DENIED);
    }

    @Test
    void signInWhenPasswordLongerThanAnyAllowedThenAccessDenied() {
        assertRejected(() -> signIn(account.email().value(),
                TestAccounts.PASSWORD + "x".repeat(CreateAccountService.MAX_PASSWORD_LENGTH)), ErrorCode.ACCESS_DENIED);
    }

    @Test
    void signInWhenEmailOrPasswordAbsentThenInvalidRequest() {
        assertRejected(() -> signIn(null, TestAccounts.PASSWORD), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> signIn(" ", TestAccounts.PASSWORD), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> signIn(account.email().value(), null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> signIn(account.email().value(), ""), ErrorCode.INVALID_REQUEST);
        assertThat(app.ports.audit().recent(10)).extracting(AuditEvent::type).isEmpty();
    }

    private SignedIn signIn(String email, String password) {
        return app.signIn.signIn(new SignInCommand(email, password));
    }

    private OAuthException rejection(String email, String password) {
        return catchThrowableOfType(OAuthException.class, () -> signIn(email, password));
    }

    /** A password hasher that counts verifications: the slow step an unknown email must not skip. */
    private static final class CountingPasswordHasher implements PasswordHasher {
        private final PasswordHasher delegate;
        private final AtomicInteger verifications = new AtomicInteger();

        CountingPasswordHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public PasswordHash hash(String password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            verifications.incrementAndGet();
            return delegate.verify(password, hash);
        }
    }
}
