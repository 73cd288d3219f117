package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;

/**
 * The JWT ids already used (DPoP proofs, client assertions), shared by every node, so that a JWT
 * meant for one use is accepted once by the whole fleet (RFC 9449 §11.1, RFC 7523 §3). Keys are
 * hashes of what identifies the use (its kind, issuer and {@code jti}), so the store never holds
 * a JWT or any part of one.
 *
 * <p>Atomicity: {@link #claim} is one atomic step per key across every node: of concurrent claims
 * of one key, exactly one returns {@code true}.
 */
public interface JtiStore {
    /**
     * Claims {@code key} until {@code expiresAt}.
     *
     * @return {@code true} when no claim of {@code key} was live at {@code at} (a claim that
     *         expired at or before {@code at} counts as none), {@code false} when the key is in use
     */
    boolean claim(SecretHash key, Instant at, Instant expiresAt);

    /**
     * Deletes up to {@code limit} claims that expired before {@code at}, so that the store stays as
     * small as the live claims; safe to run on every node at once.
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant at, int limit);
}
