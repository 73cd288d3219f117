package dev.connect.oauth.application.service;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.Lazy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignInUseCase;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.PasswordHash;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs an account in on the sign-in page and opens a browser session kept as the hash of its
 * cookie value. A wrong email and a wrong password get one answer, and an unknown email still
 * costs a password verification (against a hash made at start), so neither the answer nor its
 * time tells which emails have accounts.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 §10.2</a>
 */
public final class SignInService implements SignInUseCase {
    private static final String WRONG_CREDENTIALS = "Wrong email or password.";

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final PasswordHasher passwordHasher;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final OAuthPolicy policy;
    /** Verified against when the account is unknown, so that both cost one hash; made on first use, off the start. */
    private final Lazy<PasswordHash> nobodysPassword;
    private final SignInThrottle throttle;

    @Inject
    public SignInService(AccountRepository accounts, SessionRepository sessions, PasswordHasher passwordHasher,
                         SecretGenerator generator, SecretHasher hasher, AuditLog auditLog, Clock clock,
                         OAuthPolicy policy, AttemptCounterStore attempts, AbuseLimits limits) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nobodysPassword = Lazy.of(() -> passwordHasher.hash(generator.secret()));
        this.throttle = new SignInThrottle(attempts, hasher, limits);
    }

    @Override
    public SignedIn signIn(SignInCommand command) {
        String givenEmail = command.email().filter(value -> !value.isBlank()).orElseThrow(SignInService::required);
        String givenPassword = command.password().filter(value -> !value.isEmpty()).orElseThrow(SignInService::required);
        Instant now = clock.instant();
        throttle.check(givenEmail, command.source(), now);
        Optional<Account> account = parseEmail(givenEmail).flatMap(accounts::findByEmail);
        Optional<PasswordHash> password = account.flatMap(Account::password);
        // An over-long password never matches (none can be set) and is not worth a slow hash.
        boolean verified = givenPassword.length() <= CreateAccountService.MAX_PASSWORD_LENGTH
                && passwordHasher.verify(givenPassword, password.orElseGet(nobodysPassword))
                && password.isPresent();
        if (!verified) {
            audit.record(AuditEventType.SIGN_IN_FAILED, account.map(Account::id), Optional.empty(),
                    account.isPresent() ? "wrong password" : "unknown email", now);
            throttle.failed(givenEmail, command.source(), now);
            throw ErrorCode.ACCESS_DENIED.exception(WRONG_CREDENTIALS);
        }
        throttle.succeeded(givenEmail, command.source(), now);
        AccountId accountId = account.get().id();
        String sessionToken = generator.secret();
        Instant expiresAt = now.plus(policy.sessionTtl());
        sessions.add(new BrowserSession(hasher.hash(sessionToken), accountId, now, expiresAt));
        return new SignedIn(sessionToken, accountId, expiresAt);
    }

    private static OAuthException required() {
        return ErrorCode.INVALID_REQUEST.exception("email and password are required.");
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(Email.parse(raw));
        } catch (OAuthException malformed) {
            return Optional.empty();
        }
    }
}
