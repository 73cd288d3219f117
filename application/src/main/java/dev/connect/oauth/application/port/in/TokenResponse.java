package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response (RFC 6749 §5.1), with an ID token when the grant is an OpenID
 * Connect one. {@link #toString()} hides the tokens. A DPoP-bound access token is of type
 * {@code DPoP} (RFC 9449 §5), any other {@code Bearer}.
 *
 * @param boundKey the key the access token is bound to, empty for a bearer token
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect Core 1.0 §3.1.3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-5">RFC 9449 §5</a>
 */
public record TokenResponse(String accessToken, long expiresIn, Instant expiresAt, Optional<String> refreshToken,
                            Optional<Long> refreshExpiresIn, ScopeSet scope, Optional<String> idToken,
                            Optional<JwkThumbprint> boundKey) {
    /** The {@code token_type} of a bearer token (RFC 6750 §4). */
    public static final String TOKEN_TYPE = "Bearer";
    /** The {@code token_type} of a DPoP-bound token (RFC 9449 §5). */
    public static final String DPOP_TOKEN_TYPE = "DPoP";

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(boundKey, "boundKey");
    }

    /** A response whose access token is a bearer token. */
    public TokenResponse(String accessToken, long expiresIn, Instant expiresAt, Optional<String> refreshToken,
                         Optional<Long> refreshExpiresIn, ScopeSet scope, Optional<String> idToken) {
        this(accessToken, expiresIn, expiresAt, refreshToken, refreshExpiresIn, scope, idToken, Optional.empty());
    }

    /** A response without an ID token (plain OAuth). */
    public TokenResponse(String accessToken, long expiresIn, Instant expiresAt, Optional<String> refreshToken,
                         Optional<Long> refreshExpiresIn, ScopeSet scope) {
        this(accessToken, expiresIn, expiresAt, refreshToken, refreshExpiresIn, scope, Optional.empty(),
                Optional.empty());
    }

    /** {@code DPoP} for a DPoP-bound access token, else {@code Bearer}. */
    public String tokenType() {
        return boundKey.isPresent() ? DPOP_TOKEN_TYPE : TOKEN_TYPE;
    }

    /** This response with {@code token} as its ID token. */
    public TokenResponse withIdToken(String token) {
        return new TokenResponse(accessToken, expiresIn, expiresAt, refreshToken, refreshExpiresIn, scope,
                Optional.of(token), boundKey);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", refresh=" + refreshToken.isPresent() + ", idToken="
                + idToken.isPresent() + ", scope=" + scope + ", type=" + tokenType() + "]";
    }
}
