package dev.connect.oauth.application.port.in;

import java.util.Objects;

/**
 * Email and password from the sign-in page ({@code null} = absent), and where the attempt came
 * from, which the abuse limits count by. {@link #toString()} hides the password.
 */
public record SignInCommand(String email, String password, RequestSource source) {
    public SignInCommand {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "SignInCommand[email=" + email + ", password=redacted, source=" + source.value() + "]";
    }
}
