package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a signing key may sign and how long it stays published, on a cluster where each node
 * rereads the key store at least every {@code propagation}.
 *
 * <p>A new key only starts signing once it is {@code propagation} old, so by then every node
 * has reread the store and publishes it in its JWK Set: a resource server that fetches the set
 * from any node can verify every token (key pre-publication). For the same reason a retired key
 * keeps signing for {@code propagation}, until its successor may sign, and it stays published
 * for the access-token lifetime after that, until its last token has expired.
 *
 * @param propagation    how long every node takes at most to see a change in the key store
 * @param accessTokenTtl how long an access token is valid
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
record KeyLifetime(Duration propagation, Duration accessTokenTtl) {
    KeyLifetime {
        requirePositive(propagation, "propagation");
        requirePositive(accessTokenTtl, "accessTokenTtl");
    }

    /** Whether {@code key} was in the store long enough for every node to publish it. */
    boolean publishedEverywhere(SigningKey key, Instant now) {
        return !key.createdAt().plus(propagation).isAfter(now);
    }

    /** Whether {@code key} may still sign: unretired, or retired so recently that its successor may not yet. */
    boolean maySign(SigningKey key, Instant now) {
        return key.retiredAt().map(retired -> now.isBefore(retired.plus(propagation))).orElse(true);
    }

    /** Whether tokens signed with {@code key} may still be valid, so it must be published. */
    boolean mustPublish(SigningKey key, Instant now) {
        return key.retiredAt().map(retired -> now.isBefore(publishedUntil(retired))).orElse(true);
    }

    /** Keys retired before this instant have no valid token left and may be deleted. */
    Instant retiredKeysDeletableBefore(Instant now) {
        return now.minus(propagation).minus(accessTokenTtl);
    }

    private Instant publishedUntil(Instant retiredAt) {
        return retiredAt.plus(propagation).plus(accessTokenTtl);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
