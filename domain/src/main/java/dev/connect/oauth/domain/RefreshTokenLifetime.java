package dev.connect.oauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a refresh token lives: {@code ttl} from its issue, but never beyond
 * {@code familyMaximum} after its grant was created. Rotation issues a successor with a fresh
 * {@code ttl}, so without the cap a family used once a month would live forever; with it, a stolen
 * token's family ends at a known date and the user signs in again (RFC 9700 §4.14.2 lets the server
 * bound a refresh token's life).
 *
 * @param ttl           the life of one refresh token
 * @param familyMaximum the absolute life of every refresh token of one grant, counted from the grant's creation
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public record RefreshTokenLifetime(Duration ttl, Duration familyMaximum) {
    public RefreshTokenLifetime {
        requirePositive(ttl, "ttl");
        requirePositive(familyMaximum, "familyMaximum");
    }

    /**
     * When a refresh token issued at {@code now} for a grant created at {@code grantCreatedAt} expires.
     *
     * @throws OAuthException {@code invalid_grant} when the family has reached its maximum: no token may be issued
     */
    public Instant expiresAt(Instant now, Instant grantCreatedAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(grantCreatedAt, "grantCreatedAt");
        Instant familyEnd = grantCreatedAt.plus(familyMaximum);
        if (!familyEnd.isAfter(now)) {
            throw ErrorCode.INVALID_GRANT.exception("The authorization has reached its maximum lifetime; sign in again.");
        }
        Instant byTtl = now.plus(ttl);
        return byTtl.isBefore(familyEnd) ? byTtl : familyEnd;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
