package dev.connect.oauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One device authorization request (RFC 8628): the device code the client polls with and the user
 * code a person approves, both kept only as hashes, the client and the scopes it asked for, how
 * often it may poll, and what the person decided. An approval records the grant the tokens will
 * descend from; the device code is then redeemed for them once.
 *
 * @param interval     the least time between two polls; each poll that comes sooner adds
 *                     {@link #SLOW_DOWN_STEP} (RFC 8628 §3.5)
 * @param lastPolledAt when the client last polled, if it did
 * @param grantId      the grant of an approval, present exactly when the status is {@link Status#APPROVED}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.2">RFC 8628 §3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.5">RFC 8628 §3.5</a>
 */
public record DeviceAuthorization(SecretHash deviceCodeHash, SecretHash userCodeHash, ClientId clientId,
                                  ScopeSet scopes, Instant issuedAt, Instant expiresAt, Duration interval,
                                  Optional<Instant> lastPolledAt, Status status, Optional<GrantId> grantId,
                                  Optional<Instant> redeemedAt) {
    /** RFC 8628 §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
    public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** A device code lives at most this long: a person approves within minutes or not at all. */
    public static final Duration MAX_TTL = Duration.ofHours(1);

    /** What the person decided. */
    public enum Status { PENDING, APPROVED, DENIED }

    public DeviceAuthorization {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(userCodeHash, "userCodeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(lastPolledAt, "lastPolledAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        Duration ttl = Duration.between(issuedAt, expiresAt);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("A device code lives more than 0 s and at most " + MAX_TTL);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The polling interval must be positive");
        }
        if (grantId.isPresent() != (status == Status.APPROVED)) {
            throw new IllegalArgumentException("An approved device authorization, and only one, has a grant");
        }
        if (redeemedAt.isPresent() && status != Status.APPROVED) {
            throw new IllegalArgumentException("Only an approved device authorization is redeemed");
        }
    }

    /** A fresh, pending request living {@code ttl} from {@code now}, to be polled every {@code interval}. */
    public static DeviceAuthorization issue(SecretHash deviceCodeHash, SecretHash userCodeHash, ClientId clientId,
                                            ScopeSet scopes, Instant now, Duration ttl, Duration interval) {
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scopes, now, now.plus(ttl), interval,
                Optional.empty(), Status.PENDING, Optional.empty(), Optional.empty());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether a person may still approve or deny it: pending and not expired. */
    public boolean isDecidable(Instant now) {
        return status == Status.PENDING && !isExpired(now);
    }

    /**
     * A poll at {@code now}: this request with the poll recorded, and whether it came sooner than
     * the interval allows, in which case the interval grows by {@link #SLOW_DOWN_STEP} (RFC 8628 §3.5).
     */
    public Poll poll(Instant now) {
        Objects.requireNonNull(now, "now");
        boolean tooSoon = lastPolledAt.map(last -> now.isBefore(last.plus(interval))).orElse(false);
        Duration next = tooSoon ? interval.plus(SLOW_DOWN_STEP) : interval;
        return new Poll(new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scopes, issuedAt, expiresAt,
                next, Optional.of(now), status, grantId, redeemedAt), tooSoon);
    }

    /** This request approved by the person, whose consent is {@code grant}. */
    public DeviceAuthorization approve(GrantId grant, Instant now) {
        requireDecidable(now);
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scopes, issuedAt, expiresAt, interval,
                lastPolledAt, Status.APPROVED, Optional.of(grant), redeemedAt);
    }

    /** This request denied by the person. */
    public DeviceAuthorization deny(Instant now) {
        requireDecidable(now);
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scopes, issuedAt, expiresAt, interval,
                lastPolledAt, Status.DENIED, Optional.empty(), redeemedAt);
    }

    /** This approved request redeemed for its tokens; it is redeemed once only. */
    public DeviceAuthorization redeem(Instant now) {
        if (status != Status.APPROVED || redeemedAt.isPresent()) {
            throw ErrorCode.INVALID_GRANT.exception("The device code was already used.");
        }
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scopes, issuedAt, expiresAt, interval,
                lastPolledAt, status, grantId, Optional.of(now));
    }

    /**
     * What the token endpoint answers a poll of this request at {@code now} (RFC 8628 §3.5) while
     * it cannot issue: {@code expired_token} once it expired (decided or not), {@code access_denied}
     * when the person denied, {@code authorization_pending} while they have not decided, and
     * {@code invalid_grant} once redeemed. Returns normally only for an approved, unredeemed,
     * unexpired request: the caller issues the tokens.
     */
    public void checkRedeemable(Instant now) {
        if (redeemedAt.isPresent()) {
            throw ErrorCode.INVALID_GRANT.exception("The device code was already used.");
        }
        if (isExpired(now)) {
            throw ErrorCode.EXPIRED_TOKEN.exception();
        }
        switch (status) {
            case PENDING -> throw ErrorCode.AUTHORIZATION_PENDING.exception();
            case DENIED -> throw ErrorCode.ACCESS_DENIED.exception("The user denied the authorization request.");
            case APPROVED -> {
            }
        }
    }

    private void requireDecidable(Instant now) {
        if (status != Status.PENDING) {
            throw ErrorCode.INVALID_GRANT.exception("The user code was already used.");
        }
        if (isExpired(now)) {
            throw ErrorCode.EXPIRED_TOKEN.exception("The user code has expired.");
        }
    }

    /** A poll's outcome: the request with the poll recorded, and whether it came too soon. */
    public record Poll(DeviceAuthorization next, boolean tooSoon) {
        public Poll {
            Objects.requireNonNull(next, "next");
        }
    }
}
