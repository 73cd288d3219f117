package dev.connect.oauth.application;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The server-wide rules the use cases apply, built once from configuration.
 *
 * @param issuer          the public base URL, the {@code iss} of every token (RFC 8414 §2)
 * @param audience        the {@code aud} of access tokens: the resource server they are for
 * @param scopeCatalogue  every scope a client may be registered with (API.md §2)
 * @param allowPlainPkce  whether {@code code_challenge_method=plain} is accepted (RFC 9700 §2.1.1)
 * @param retryGrace      how long after a code's redemption or a refresh token's rotation the same
 *                        client may present it again and get a fresh pair instead of a revocation,
 *                        as long as what the first request issued was never used: the first answer
 *                        may have been lost to a failure after the commit. Zero turns it off.
 */
public record OAuthPolicy(String issuer, String audience, ScopeSet scopeCatalogue, Duration accessTokenTtl,
                          Duration refreshTokenTtl, Duration codeTtl, Duration sessionTtl, boolean allowPlainPkce,
                          Duration retryGrace) {
    public OAuthPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scopeCatalogue, "scopeCatalogue");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(retryGrace, "retryGrace");
        requirePositive(accessTokenTtl, "accessTokenTtl");
        requirePositive(refreshTokenTtl, "refreshTokenTtl");
        requirePositive(sessionTtl, "sessionTtl");
        requirePositive(codeTtl, "codeTtl");
        if (codeTtl.compareTo(AuthorizationCode.MAX_TTL) > 0) {
            throw new IllegalArgumentException("codeTtl must be at most " + AuthorizationCode.MAX_TTL);
        }
        if (retryGrace.isNegative() || retryGrace.compareTo(MAX_RETRY_GRACE) > 0) {
            throw new IllegalArgumentException("retryGrace must be between 0 and " + MAX_RETRY_GRACE);
        }
        if (scopeCatalogue.isEmpty()) {
            throw new IllegalArgumentException("scopeCatalogue must not be empty");
        }
    }

    /** The retry grace unless configured: a client's retry after a timeout comes within seconds. */
    public static final Duration DEFAULT_RETRY_GRACE = Duration.ofSeconds(10);
    /** A longer grace would keep a stolen, just-used credential replayable for longer. */
    public static final Duration MAX_RETRY_GRACE = Duration.ofMinutes(1);

    /**
     * Defaults: one-hour access tokens, 30-day refresh tokens, 60-second codes, 8-hour sessions, a
     * 10-second retry grace.
     */
    public static OAuthPolicy defaults(String issuer) {
        return new OAuthPolicy(issuer, issuer, ScopeSet.parse("connect triggers actions tests"),
                Duration.ofHours(1), Duration.ofDays(30), AuthorizationCode.DEFAULT_TTL, Duration.ofHours(8), true,
                DEFAULT_RETRY_GRACE);
    }

    /** This policy with another retry grace ({@link Duration#ZERO} turns it off). */
    public OAuthPolicy withRetryGrace(Duration grace) {
        return new OAuthPolicy(issuer, audience, scopeCatalogue, accessTokenTtl, refreshTokenTtl, codeTtl, sessionTtl,
                allowPlainPkce, grace);
    }

    /**
     * Whether a credential used at {@code usedAt} and presented again at {@code now} may be a
     * retry of a request whose answer was lost, rather than a replay.
     */
    public boolean withinRetryGrace(Instant usedAt, Instant now) {
        return !retryGrace.isZero() && now.isBefore(usedAt.plus(retryGrace));
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
