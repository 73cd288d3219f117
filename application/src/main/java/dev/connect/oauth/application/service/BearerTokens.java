package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Scope;
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
    AccessToken requireActive(String bearerToken, Instant now) {
        return requireActive(bearerToken, now, hasher, tokens::findAccessToken, Function.identity());
    }

    /**
     * The account an active token found with it names, once the token carries {@code required}:
     * {@code invalid_token} when it names none (client credentials) or the account is gone,
     * {@code insufficient_scope} without {@code required}.
     */
    static Account requireAccount(DescribedAccessToken found, Scope required) {
        AccessToken token = found.token();
        if (token.accountId().isEmpty()) {
            throw ErrorCode.INVALID_TOKEN.exception("The access token has no account.");
        }
        if (!token.scopes().contains(required)) {
            throw ErrorCode.INSUFFICIENT_SCOPE.exception();
        }
        return found.account().orElseThrow(() -> ErrorCode.INVALID_TOKEN.exception("The account no longer exists."));
    }

    /**
     * What {@code lookup} finds for the hash of {@code bearerToken}, when the access token in it
     * ({@code tokenOf}) is active; {@code invalid_token} when missing, unknown, expired or revoked.
     * For a use case that reads more than the token in the same lookup.
     */
    static <T> T requireActive(String bearerToken, Instant now, SecretHasher hasher,
                               Function<SecretHash, Optional<T>> lookup, Function<T, AccessToken> tokenOf) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw ErrorCode.INVALID_TOKEN.exception("The access token is missing.");
        }
        return lookup.apply(hasher.hash(bearerToken))
                .filter(found -> tokenOf.apply(found).isActive(now))
                .orElseThrow(ErrorCode.INVALID_TOKEN::exception);
    }
}
