package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the access token behind {@code Authorization: Bearer}: one lookup of its hash proves it
 * was issued here and tells whether it is still active, so no signature check is needed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
final class BearerTokens {
    private BearerTokens() {
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
     * What {@code lookup} finds for the hash of {@code bearerToken}, when its access token is
     * active; {@code invalid_token} when missing, unknown, expired or revoked.
     */
    static DescribedAccessToken requireActive(Optional<String> bearerToken, Instant now, SecretHasher hasher,
                                              Function<SecretHash, Optional<DescribedAccessToken>> lookup) {
        String presented = bearerToken.filter(value -> !value.isBlank())
                .orElseThrow(() -> ErrorCode.INVALID_TOKEN.exception("The access token is missing."));
        return lookup.apply(hasher.hash(presented))
                .filter(found -> found.token().isActive(now))
                .orElseThrow(ErrorCode.INVALID_TOKEN::exception);
    }
}
