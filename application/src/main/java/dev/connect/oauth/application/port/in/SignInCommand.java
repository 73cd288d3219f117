package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Email and password from the sign-in page, and where the attempt came from, which the abuse
 * limits count by. {@link #toString()} hides the password.
 */
public record SignInCommand(Optional<String> email, Optional<String> password, RequestSource source) {
    public SignInCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "SignInCommand[email=" + email + ", password=redacted, source=" + source.value() + "]";
    }
}
