package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.RefreshToken;
import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token and when its grant was created: what a rotation needs, since a successor never
 * outlives the family's maximum lifetime, which counts from the grant's creation.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public record RefreshTokenOfGrant(RefreshToken token, Instant grantCreatedAt) {
    public RefreshTokenOfGrant {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(grantCreatedAt, "grantCreatedAt");
    }
}
