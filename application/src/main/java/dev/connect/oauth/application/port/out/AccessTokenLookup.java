package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.SecretHash;
import java.util.Optional;

/**
 * The read side of the hottest path, {@code /info}: an access token found by the hash of the token
 * string together with the account it was issued for, so a resource server's call per request costs
 * the store one lookup instead of two.
 *
 * <p>Consistency: {@link #findWithAccount} is one consistent read (a single statement on a
 * database): the token, its grant's revocation and the account are seen as of the same moment. The
 * token is reported exactly as {@link TokenRepository#findAccessToken} reports it, revoked when its
 * grant is revoked.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public interface AccessTokenLookup {
    /** The access token whose hash is {@code hash} and its account; empty when no access token has it. */
    Optional<DescribedAccessToken> findWithAccount(SecretHash hash);
}
