package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Device authorization requests (RFC 8628), found by the hash of their device code (the client
 * polling) or of their user code (the person deciding); both hashes are unique.
 *
 * <p>Atomicity, across every node sharing the store, each a conditional update, never
 * read-then-write: {@link #decide} changes a pending request once, so of an approval and a denial
 * racing one wins; {@link #recordPoll} records a poll only over the poll it was computed from, so
 * of two racing polls one records; {@link #redeemAndStore} redeems an approved request at most once,
 * and only while its grant stands, storing the tokens issued for it in the same step.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.5">RFC 8628 §3.5</a>
 */
public interface DeviceAuthorizationStore {
    /**
     * Stores a new request.
     *
     * @return false, storing nothing, when its user code is taken by another stored request (the
     *         caller draws another); a taken device code is a bug and throws
     */
    boolean add(DeviceAuthorization request);

    /** The request of the device code, if it was issued to {@code presenter}. */
    Optional<DeviceAuthorization> findByDeviceCode(SecretHash deviceCodeHash, ClientId presenter);

    /** The request of the user code, whoever it was issued to. */
    Optional<DeviceAuthorization> findByUserCode(SecretHash userCodeHash);

    /**
     * Records a poll at {@code polledAt} with the request's interval now {@code interval}, only if
     * the request's last poll is still {@code previousPoll} (none when empty).
     *
     * @return whether this call recorded it; false when another poll came in between, or no such request
     */
    boolean recordPoll(SecretHash deviceCodeHash, Optional<Instant> previousPoll, Instant polledAt, Duration interval);

    /**
     * Decides the pending, unexpired request of the user code: approved with {@code grant}, stored
     * in the same step, or denied when {@code grant} is empty.
     *
     * @return whether this call decided it; false, storing nothing, when it was decided before, has
     *         expired at {@code at}, or does not exist
     */
    boolean decide(SecretHash userCodeHash, Optional<Grant> grant, Instant at);

    /**
     * Marks the approved request of the device code redeemed, if it was issued to {@code presenter},
     * was not redeemed, has not expired at {@code at} and its grant stands, and stores the tokens
     * issued for it, all or nothing, durable when it returns.
     *
     * @return whether this call redeemed it
     */
    boolean redeemAndStore(SecretHash deviceCodeHash, ClientId presenter, Instant at, AccessToken accessToken,
                           RefreshToken refreshToken);
}
