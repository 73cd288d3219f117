package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.SignOutUseCase;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.SessionRepository;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Logout: the session row is deleted, so the cookie's value is worthless even if the browser (or
 * whoever copied it) keeps it.
 *
 * @see <a href="https://owasp.org/www-project-application-security-verification-standard/">OWASP ASVS 3.3.1</a>
 */
public final class SignOutService implements SignOutUseCase {
    private final SessionRepository sessions;
    private final SecretHasher hasher;

    @Inject
    public SignOutService(SessionRepository sessions, SecretHasher hasher) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public void signOut(Optional<String> sessionToken) {
        sessionToken.filter(value -> !value.isBlank()).ifPresent(value -> sessions.remove(hasher.hash(value)));
    }
}
