package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.ResolveSessionUseCase;
import dev.connect.oauth.application.port.in.ResolveSignInUseCase;
import dev.connect.oauth.application.port.in.SignedInAccount;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The account behind a browser session cookie, from the shared store so any node can serve it.
 * An expired session is removed when met. The session's creation is when the account signed in.
 */
public final class ResolveSessionService implements ResolveSessionUseCase, ResolveSignInUseCase {
    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final SecretHasher hasher;
    private final Clock clock;

    @Inject
    public ResolveSessionService(SessionRepository sessions, AccountRepository accounts, SecretHasher hasher,
                                 Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Account> resolve(Optional<String> sessionToken) {
        return signedIn(sessionToken).map(SignedInAccount::account);
    }

    @Override
    public Optional<SignedInAccount> signedIn(Optional<String> sessionToken) {
        if (sessionToken.filter(value -> !value.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        SecretHash hash = hasher.hash(sessionToken.get());
        Optional<BrowserSession> session = sessions.findByHash(hash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (!session.get().isActive(clock.instant())) {
            sessions.remove(hash);
            return Optional.empty();
        }
        Instant signedInAt = session.get().createdAt();
        return accounts.findById(session.get().accountId()).map(account -> new SignedInAccount(account, signedInAt));
    }
}
