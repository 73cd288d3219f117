package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the hottest paths, {@code /info} and introspection: an access token found by the
 * hash of the token string together with the account it was issued for, so a resource server's call
 * per request costs the store one lookup instead of two; and the revocations since a moment, which
 * each node polls to keep its cache of these lookups honest.
 *
 * <p>Consistency: {@link #findWithAccount} is one consistent read (a single statement on a
 * database): the token, its grant's revocation and the account are seen as of the same moment. The
 * token is reported exactly as {@link TokenRepository#findAccessToken} reports it, revoked when its
 * grant is revoked. {@link #revokedSince} sees every revocation committed before it began.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public interface AccessTokenLookup {
    /** The access token whose hash is {@code hash} and its account; empty when no access token has it. */
    Optional<DescribedAccessToken> findWithAccount(SecretHash hash);

    /**
     * The hashes of the access tokens revoked at or after {@code since}, by their own revocation or
     * their grant's (a family revoked by reuse detection, a disconnect, a client's deletion), and
     * not expired at {@code since}; each at most once. Found by indexes on the revocation times, so
     * the cost follows the number of revocations, not of stored tokens.
     */
    List<SecretHash> revokedSince(Instant since);
}
