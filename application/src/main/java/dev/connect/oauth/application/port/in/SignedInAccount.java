package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Account;
import java.time.Instant;
import java.util.Objects;

/**
 * The account of a valid browser session and when it signed in: an ID token's {@code auth_time},
 * and what {@code max_age} and {@code prompt=login} are checked against.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 §2</a>
 */
public record SignedInAccount(Account account, Instant signedInAt) {
    public SignedInAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(signedInAt, "signedInAt");
    }
}
