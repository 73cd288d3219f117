package dev.connect.oauth.application;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.RefreshTokenLifetime;
import dev.connect.oauth.domain.ScopeSet;
import java.net.URI;
import java.net.URISyntaxException;
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
 * @param refreshTokenMaxLifetime how long the refresh tokens of one grant may live in all, however often rotated
 * @param deviceCodeTtl   how long a device authorization request (its device and user code) lives (RFC 8628 §3.2 {@code expires_in})
 * @param deviceInterval  the least time a device waits between polls unless told to slow down (RFC 8628 §3.2 {@code interval})
 * @param timedTokenKeys  whether new codes and tokens are keyed by the time they were made as well as
 *                        their hash (see {@code TokenKeys}); off only while nodes of a release that
 *                        finds tokens by their hash alone still serve on the same database
 */
public record OAuthPolicy(String issuer, String audience, ScopeSet scopeCatalogue, Duration accessTokenTtl,
                          Duration refreshTokenTtl, Duration codeTtl, Duration sessionTtl, boolean allowPlainPkce,
                          Duration retryGrace, Duration refreshTokenMaxLifetime, Duration deviceCodeTtl,
                          Duration deviceInterval, boolean timedTokenKeys) {
    public OAuthPolicy {
        checkIssuer(issuer);
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
        Objects.requireNonNull(refreshTokenMaxLifetime, "refreshTokenMaxLifetime");
        requirePositive(refreshTokenMaxLifetime, "refreshTokenMaxLifetime");
        Objects.requireNonNull(deviceCodeTtl, "deviceCodeTtl");
        Objects.requireNonNull(deviceInterval, "deviceInterval");
        requirePositive(deviceCodeTtl, "deviceCodeTtl");
        requirePositive(deviceInterval, "deviceInterval");
        if (deviceCodeTtl.compareTo(DeviceAuthorization.MAX_TTL) > 0) {
            throw new IllegalArgumentException("deviceCodeTtl must be at most " + DeviceAuthorization.MAX_TTL);
        }
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

    /** A policy whose new codes and tokens are keyed by their time ({@link #timedTokenKeys}). */
    public OAuthPolicy(String issuer, String audience, ScopeSet scopeCatalogue, Duration accessTokenTtl,
                       Duration refreshTokenTtl, Duration codeTtl, Duration sessionTtl, boolean allowPlainPkce,
                       Duration retryGrace, Duration refreshTokenMaxLifetime, Duration deviceCodeTtl,
                       Duration deviceInterval) {
        this(issuer, audience, scopeCatalogue, accessTokenTtl, refreshTokenTtl, codeTtl, sessionTtl, allowPlainPkce,
                retryGrace, refreshTokenMaxLifetime, deviceCodeTtl, deviceInterval, true);
    }

    /** A policy with the default device grant settings ({@link #DEFAULT_DEVICE_CODE_TTL}, {@link #DEFAULT_DEVICE_INTERVAL}). */
    public OAuthPolicy(String issuer, String audience, ScopeSet scopeCatalogue, Duration accessTokenTtl,
                       Duration refreshTokenTtl, Duration codeTtl, Duration sessionTtl, boolean allowPlainPkce,
                       Duration retryGrace, Duration refreshTokenMaxLifetime) {
        this(issuer, audience, scopeCatalogue, accessTokenTtl, refreshTokenTtl, codeTtl, sessionTtl, allowPlainPkce,
                retryGrace, refreshTokenMaxLifetime, DEFAULT_DEVICE_CODE_TTL, DEFAULT_DEVICE_INTERVAL);
    }

    /** The scopes clients may be registered with unless configured (API.md §2). */
    public static final ScopeSet DEFAULT_SCOPE_CATALOGUE = ScopeSet.parse("connect triggers actions tests");
    /** How long an access token lives unless configured. */
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofHours(1);
    /** How long each refresh token lives unless configured. */
    public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(30);
    /** How long a browser session lives unless configured. */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);
    /** Whether {@code plain} PKCE is accepted unless configured: seed 002 clients send it. */
    public static final boolean DEFAULT_ALLOW_PLAIN_PKCE = true;
    /** The retry grace unless configured: a client's retry after a timeout comes within seconds. */
    public static final Duration DEFAULT_RETRY_GRACE = Duration.ofSeconds(10);
    /** A longer grace would keep a stolen, just-used credential replayable for longer. */
    public static final Duration MAX_RETRY_GRACE = Duration.ofMinutes(1);
    /** How long a grant's refresh tokens live in all unless configured (RFC 9700 §4.14.2). */
    public static final Duration DEFAULT_REFRESH_TOKEN_MAX_LIFETIME = Duration.ofDays(90);
    /** How long a device authorization request lives unless configured: time to find a phone and sign in. */
    public static final Duration DEFAULT_DEVICE_CODE_TTL = Duration.ofMinutes(10);
    /** The device's polling interval unless configured: RFC 8628 §3.2's default of 5 seconds. */
    public static final Duration DEFAULT_DEVICE_INTERVAL = Duration.ofSeconds(5);

    /**
     * Defaults: one-hour access tokens, 30-day refresh tokens in families of at most 90 days,
     * 60-second codes, 8-hour sessions, a 10-second retry grace.
     */
    public static OAuthPolicy defaults(String issuer) {
        return new OAuthPolicy(issuer, issuer, DEFAULT_SCOPE_CATALOGUE, DEFAULT_ACCESS_TOKEN_TTL,
                DEFAULT_REFRESH_TOKEN_TTL, AuthorizationCode.DEFAULT_TTL, DEFAULT_SESSION_TTL, DEFAULT_ALLOW_PLAIN_PKCE,
                DEFAULT_RETRY_GRACE, DEFAULT_REFRESH_TOKEN_MAX_LIFETIME);
    }

    /**
     * The one rule of an issuer (RFC 8414 §2): an http(s) URL with a host and no query or
     * fragment, and no trailing slash, since the metadata path is appended to it (RFC 8414 §3).
     *
     * @return {@code issuer}
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String checkIssuer(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        try {
            URI uri = new URI(issuer);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && !issuer.endsWith("/")) {
                return issuer;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be an http(s) URL without query, fragment or trailing slash");
    }

    /** This policy with another retry grace ({@link Duration#ZERO} turns it off). */
    public OAuthPolicy withRetryGrace(Duration grace) {
        return new OAuthPolicy(issuer, audience, scopeCatalogue, accessTokenTtl, refreshTokenTtl, codeTtl, sessionTtl,
                allowPlainPkce, grace, refreshTokenMaxLifetime, deviceCodeTtl, deviceInterval);
    }

    /**
     * Whether a credential used at {@code usedAt} and presented again at {@code now} may be a
     * retry of a request whose answer was lost, rather than a replay.
     */
    public boolean withinRetryGrace(Instant usedAt, Instant now) {
        return !retryGrace.isZero() && now.isBefore(usedAt.plus(retryGrace));
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
