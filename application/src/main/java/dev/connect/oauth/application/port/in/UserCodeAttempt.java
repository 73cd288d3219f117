package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import java.util.Objects;

/**
 * A user code as a signed-in person typed it, and where from: what the wrong-code limits count.
 *
 * @param typed   the code as typed (any case, dashes and spaces allowed)
 * @param account the signed-in account entering it
 * @param source  where the request came from
 */
public record UserCodeAttempt(String typed, AccountId account, RequestSource source) {
    public UserCodeAttempt {
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "UserCodeAttempt[account=" + account + ", source=" + source + "]";
    }
}
