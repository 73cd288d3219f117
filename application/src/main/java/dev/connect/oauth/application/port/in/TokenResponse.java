package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response (RFC 6749 §5.1), with an ID token when the grant is an OpenID
 * Connect one. {@link #toString()} hides the tokens.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect Core 1.0 §3.1.3.3</a>
 */
public record TokenResponse(String accessToken, long expiresIn, Instant expiresAt, Optional<String> refreshToken,
                            Optional<Long> refreshExpiresIn, ScopeSet scope, Optional<String> idToken) {
    public static final String TOKEN_TYPE = "Bearer";

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(idToken, "idToken");
    }

    /** A response without an ID token (plain OAuth). */
    public TokenResponse(String accessToken, long expiresIn, Instant expiresAt, Optional<String> refreshToken,
                         Optional<Long> refreshExpiresIn, ScopeSet scope) {
        this(accessToken, expiresIn, expiresAt, refreshToken, refreshExpiresIn, scope, Optional.empty());
    }

    /** This response with {@code token} as its ID token. */
    public TokenResponse withIdToken(String token) {
        return new TokenResponse(accessToken, expiresIn, expiresAt, refreshToken, refreshExpiresIn, scope,
                Optional.of(token));
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", refresh=" + refreshToken.isPresent() + ", idToken="
                + idToken.isPresent() + ", scope=" + scope + "]";
    }
}
