package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * Finds the access token behind {@code Authorization: Bearer}: one lookup of its hash proves it
 * was issued here and tells whether it is still active, so no signature check is needed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
final class BearerTokens {
    private final TokenRepository tokens;
    private final SecretHasher hasher;

    BearerTokens(TokenRepository tokens, SecretHasher hasher) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** The active token, or {@code invalid_token} when missing, unknown, expired or revoked. */
    AccessToken requireActive(String bearerToken, Instant now) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw ErrorCode.INVALID_TOKEN.exception("The access token is missing.");
        }
        return tokens.findAccessToken(hasher.hash(bearerToken))
                .filter(token -> token.isActive(now))
                .orElseThrow(ErrorCode.INVALID_TOKEN::exception);
    }
}
