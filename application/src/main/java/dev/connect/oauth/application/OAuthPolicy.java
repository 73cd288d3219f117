package dev.connect.oauth.application;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.RefreshTokenLifetime;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Duration;
import java.util.Objects;

/**
 * The server-wide rules the use cases apply, built once from configuration.
 *
 * @param issuer          the public base URL, the {@code iss} of every token (RFC 8414 §2)
 * @param audience        the {@code aud} of access tokens: the resource server they are for
 * @param scopeCatalogue  every scope a client may be registered with (API.md §2)
 * @param allowPlainPkce  whether {@code code_challenge_method=plain} is accepted (RFC 9700 §2.1.1)
 * @param refreshTokenMaxLifetime how long the refresh tokens of one grant may live in all, however often rotated
 */
public record OAuthPolicy(String issuer, String audience, ScopeSet scopeCatalogue, Duration accessTokenTtl,
                          Duration refreshTokenTtl, Duration codeTtl, Duration sessionTtl, boolean allowPlainPkce,
                          Duration refreshTokenMaxLifetime) {
    public OAuthPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scopeCatalogue, "scopeCatalogue");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        requirePositive(accessTokenTtl, "accessTokenTtl");
        requirePositive(refreshTokenTtl, "refreshTokenTtl");
        requirePositive(sessionTtl, "sessionTtl");
        requirePositive(codeTtl, "codeTtl");
        Objects.requireNonNull(refreshTokenMaxLifetime, "refreshTokenMaxLifetime");
        requirePositive(refreshTokenMaxLifetime, "refreshTokenMaxLifetime");
        if (codeTtl.compareTo(AuthorizationCode.MAX_TTL) > 0) {
            throw new IllegalArgumentException("codeTtl must be at most " + AuthorizationCode.MAX_TTL);
        }
        if (scopeCatalogue.isEmpty()) {
            throw new IllegalArgumentException("scopeCatalogue must not be empty");
        }
    }

    /**
     * Defaults: one-hour access tokens, 30-day refresh tokens in families of at most 90 days,
     * 60-second codes, 8-hour sessions.
     */
    public static OAuthPolicy defaults(String issuer) {
        return new OAuthPolicy(issuer, issuer, ScopeSet.parse("connect triggers actions tests"),
                Duration.ofHours(1), Duration.ofDays(30), AuthorizationCode.DEFAULT_TTL, Duration.ofHours(8), true, Duration.ofDays(90));
    }

    /** The life of refresh tokens: {@link #refreshTokenTtl} each, {@link #refreshTokenMaxLifetime} per grant. */
    public RefreshTokenLifetime refreshTokenLifetime() {
        return new RefreshTokenLifetime(refreshTokenTtl, refreshTokenMaxLifetime);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
