package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.Optional;

/**
 * Issued access and refresh tokens, found by the hash of the token string with one indexed
 * lookup. Lookups report a token revoked when its grant is revoked ({@code revokedAt} is then the
 * grant's revocation time if the token itself was not revoked earlier).
 *
 * <p>Atomicity: {@link #add} stores both tokens or neither, {@link #addWithGrant} the grant and its
 * token or neither; {@link #rotate} retires the old
 * refresh token and stores the new pair in one step, and succeeds at most once per refresh token
 * across every node sharing the store; {@link #reissue} replaces an unused refresh token and stores
 * the new pair in one step, and succeeds at most once per replaced token, so that of concurrent
 * retries, and of a retry racing the replaced token's own rotation, exactly one wins. Every write
 * is durable when the call returns: an answer built on it survives a crash of the server.
 */
public interface TokenRepository {
    /** Stores an access token and, when given, the refresh token issued with it. */
    void add(AccessToken accessToken, Optional<RefreshToken> refreshToken);

    /**
     * Stores a new grant and the access token issued from it (client credentials, where each issue
     * is a grant of its own, so that revoking the client's grants revokes the token).
     */
    void addWithGrant(Grant grant, AccessToken accessToken);

    /**
     * Retires {@code retiring} (if it is neither retired nor revoked) and stores the successor pair.
     *
     * @return false, storing nothing, when {@code retiring} was already retired or revoked
     */
    boolean rotate(TokenId retiring, Instant at, AccessToken accessToken, RefreshToken refreshToken);

    /**
     * Issues again what an earlier request issued and, as far as the store can tell, never
     * delivered: the <em>siblings</em> of {@code refreshToken} are the refresh tokens of its grant
     * with its {@code parentId} (those rotated from the same token; for an empty {@code parentId},
     * those issued from the grant's code). If none of them was used (retired by rotation) and
     * exactly one is active, that one is revoked with the access tokens issued with it, and the new
     * pair stored, in one step. The replaced token's access tokens die with it: the client never
     * received them (else it would not retry), and a token nobody should hold should not work.
     *
     * @return false, storing nothing, when there is no active sibling, one was used, the grant is
     *         revoked, or a concurrent call replaced or rotated the sibling first
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
     */
    boolean reissue(AccessToken accessToken, RefreshToken refreshToken, Instant at);

    Optional<AccessToken> findAccessToken(SecretHash hash);

    Optional<RefreshToken> findRefreshToken(SecretHash hash);

    /**
     * The refresh token as {@link #findRefreshToken} finds it, with when its grant was created
     * (where the family's maximum lifetime counts from), read in the same lookup.
     */
    Optional<RefreshTokenOfGrant> findRefreshTokenWithGrant(SecretHash hash);

    /** Revokes an access token (idempotent); false when there is no such token. */
    boolean revokeAccessToken(TokenId id, Instant at);

    /** Revokes a refresh token (idempotent); false when there is no such token. */
    boolean revokeRefreshToken(TokenId id, Instant at);
}
