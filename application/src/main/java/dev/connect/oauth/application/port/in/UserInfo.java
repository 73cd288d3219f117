package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.Phone;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims the UserInfo endpoint returns: {@code sub} always, and those the access token's
 * scopes release ({@code profile}: {@code name}; {@code email}; {@code phone}: {@code phone_number}),
 * when the account has them.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OpenID Connect Core 1.0 §5.4</a>
 */
public record UserInfo(String subject, Optional<String> name, Optional<Email> email, Optional<Phone> phone) {
    public UserInfo {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }
}
