package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    AccessToken requireActive(Optional<String> bearerToken, Instant now) {
        return requireActive(bearerToken, now, hasher, tokens::findAccessToken, Function.identity());
    }

    /**
     * What {@code lookup} finds for the hash of {@code bearerToken}, when the access token in it
     * ({@code tokenOf}) is active; {@code invalid_token} when missing, unknown, expired or revoked.
     * For a use case that reads more than the token in the same lookup.
     */
    static <T> T requireActive(Optional<String> bearerToken, Instant now, SecretHasher hasher,
                               Function<SecretHash, Optional<T>> lookup, Function<T, AccessToken> tokenOf) {
        String presented = bearerToken.filter(value -> !value.isBlank())
                .orElseThrow(() -> ErrorCode.INVALID_TOKEN.exception("The access token is missing."));
        return lookup.apply(hasher.hash(presented))
                .filter(found -> tokenOf.apply(found).isActive(now))
                .orElseThrow(ErrorCode.INVALID_TOKEN::exception);
    }
}
