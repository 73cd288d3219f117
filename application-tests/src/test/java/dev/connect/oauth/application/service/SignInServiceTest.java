package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignInUseCase;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.PasswordHash;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignInServiceTest {
    private static final RequestSource HOME = new RequestSource("192.0.2.10");
    private static final RequestSource ATTACKER = new RequestSource("2001:db8:0:1::/64");

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();

    @Test
    void signInWhenPasswordRightThenSessionResolvesToTheAccount() {
        SignedIn signedIn = signIn(account.email().value(), TestAccounts.PASSWORD);

        assertThat(signedIn.accountId()).isEqualTo(account.id());
        assertThat(signedIn.expiresAt()).isEqualTo(MutableClock.START.plus(app.policy.sessionTtl()));
        assertThat(signedIn.sessionToken()).hasSize(43);
        assertThat(app.resolveSession.resolve(Optional.of(signedIn.sessionToken()))).contains(account);
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
            assertThat(event.type()).isEqualTo(AuditEventType.SIGN_IN_FAILED);
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
                app.generator, app.secretHasher, app.ports.audit(), app.clock, app.policy, app.ports.attempts(),
                app.limits);

        assertRejected(() -> service.signIn(new SignInCommand(Optional.of("nobody@example.com"), Optional.of(TestAccounts.PASSWORD), HOME)),
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

    @Test
    void signInWhenAttackerFailedFromElsewhereThenHolderStillSignsInFromTheirSource() {
        signIn(account.email().value(), TestAccounts.PASSWORD, HOME);
        failUntilRefused(account.email().value(), ATTACKER);
        int toAccountLimit = AbuseLimits.MAX_FAILURES_PER_ACCOUNT_AND_HOUR - app.limits.signInFailuresPerAccountAndSource();
        for (int i = 0; i < toAccountLimit; i++) {
            failOnce(account.email().value(), new RequestSource("198.51.100." + (i % 250)));
        }

        assertRefused(account.email().value(), ATTACKER);
        assertRefused(account.email().value(), new RequestSource("203.0.113.99"));
        assertThat(signIn(account.email().value(), TestAccounts.PASSWORD, HOME).accountId()).isEqualTo(account.id());
    }

    @Test
    void signInWhenAttackerFailedFromOneSourceThenHolderSignsInFromANewSource() {
        failUntilRefused(account.email().value(), ATTACKER);

        assertThat(signIn(account.email().value(), TestAccounts.PASSWORD, HOME).accountId()).isEqualTo(account.id());
    }

    @Test
    void signInWhenHundredFailuresWithinAnHourThenTheNextIsRefusedUntilTheWindowEnds() {
        for (int i = 0; i < AbuseLimits.MAX_FAILURES_PER_ACCOUNT_AND_HOUR; i++) {
            failOnce(account.email().value(), new RequestSource("198.51.100." + (i % 250)));
        }

        TooManyAttemptsException refused = assertRefused(account.email().value(), new RequestSource("203.0.113.7"));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1));
        app.clock.advance(Duration.ofHours(1));
        assertThat(signIn(account.email().value(), TestAccounts.PASSWORD, HOME).accountId()).isEqualTo(account.id());
    }

    @Test
    void signInWhenLimitedThenThePasswordIsNotEvenVerified() {
        CountingPasswordHasher counting = new CountingPasswordHasher(app.passwordHasher);
        SignInUseCase service = new SignInService(app.ports.accounts(), app.ports.sessions(), counting,
                app.generator, app.secretHasher, app.ports.audit(), app.clock, app.policy, app.ports.attempts(),
                new AbuseLimits(100, 300, 1, Duration.ofHours(1), 20, Duration.ofMinutes(5)));
        assertRejected(() -> service.signIn(new SignInCommand(Optional.of("nobody@example.com"), Optional.of("guess"), ATTACKER)),
                ErrorCode.ACCESS_DENIED);

        assertRejected(() -> service.signIn(new SignInCommand(Optional.of("nobody@example.com"), Optional.of("guess"), ATTACKER)),
                ErrorCode.TOO_MANY_REQUESTS);

        assertThat(counting.verifications.get()).isEqualTo(1);
    }

    @Test
    void signInWhenSucceededThenItsSourceStartsCountingAfresh() {
        for (int i = 1; i < app.limits.signInFailuresPerAccountAndSource(); i++) {
            failOnce(account.email().value(), HOME);
        }
        signIn(account.email().value(), TestAccounts.PASSWORD, HOME);

        for (int i = 1; i < app.limits.signInFailuresPerAccountAndSource(); i++) {
            failOnce(account.email().value(), HOME);
        }

        assertThat(signIn(account.email().value(), TestAccounts.PASSWORD, HOME).accountId()).isEqualTo(account.id());
    }

    @Test
    void signInWhenOneSourceSpraysManyAccountsThenItIsRefused() {
        for (int i = 0; i < app.limits.signInFailuresPerSource(); i++) {
            failOnce("victim-" + i + "@example.com", ATTACKER);
        }

        assertRefused(account.email().value(), ATTACKER);
        assertThat(signIn(account.email().value(), TestAccounts.PASSWORD, HOME).accountId()).isEqualTo(account.id());
    }

    private void failUntilRefused(String email, RequestSource source) {
        for (int i = 0; i < app.limits.signInFailuresPerAccountAndSource(); i++) {
            failOnce(email, source);
        }
        assertRefused(email, source);
    }

    private void failOnce(String email, RequestSource source) {
        assertRejected(() -> signIn(email, "wrong password", source), ErrorCode.ACCESS_DENIED);
    }

    private TooManyAttemptsException assertRefused(String email, RequestSource source) {
        Throwable thrown = catchThrowable(() -> signIn(email, TestAccounts.PASSWORD, source));
        assertThat(thrown).as("sign-in of %s from %s", email, source).isInstanceOf(TooManyAttemptsException.class);
        return (TooManyAttemptsException) thrown;
    }

    private SignedIn signIn(String email, String password) {
        return signIn(email, password, HOME);
    }

    private SignedIn signIn(String email, String password, RequestSource source) {
        return app.signIn.signIn(new SignInCommand(Optional.ofNullable(email), Optional.ofNullable(password), source));
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
