package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response (RFC 6749 §5.1). {@link #toString()} hides the tokens.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
public record TokenResponse(String accessToken, long expiresIn, Instant expiresAt, Optional<String> refreshToken,
                            Optional<Long> refreshExpiresIn, ScopeSet scope) {
    public static final String TOKEN_TYPE = "Bearer";

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", refresh=" + refreshToken.isPresent() + ", scope=" + scope + "]";
    }
}
