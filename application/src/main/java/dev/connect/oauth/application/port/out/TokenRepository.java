package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccessToken;
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
 * <p>Atomicity: {@link #add} stores both tokens or neither; {@link #rotate} retires the old
 * refresh token and stores the new pair in one step, and succeeds at most once per refresh token
 * across every node sharing the store.
 */
public interface TokenRepository {
    /** Stores an access token and, when given, the refresh token issued with it. */
    void add(AccessToken accessToken, Optional<RefreshToken> refreshToken);

    /**
     * Retires {@code retiring} (if it is neither retired nor revoked) and stores the successor pair.
     *
     * @return false, storing nothing, when {@code retiring} was already retired or revoked
     */
    boolean rotate(TokenId retiring, Instant at, AccessToken accessToken, RefreshToken refreshToken);

    Optional<AccessToken> findAccessToken(SecretHash hash);

    Optional<RefreshToken> findRefreshToken(SecretHash hash);

    /** Revokes an access token (idempotent); false when there is no such token. */
    boolean revokeAccessToken(TokenId id, Instant at);

    /** Revokes a refresh token (idempotent); false when there is no such token. */
    boolean revokeRefreshToken(TokenId id, Instant at);
}
