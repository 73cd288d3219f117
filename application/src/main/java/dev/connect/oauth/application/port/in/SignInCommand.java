package dev.connect.oauth.application.port.in;

/** Email and password from the sign-in page ({@code null} = absent). {@link #toString()} hides the password. */
public record SignInCommand(String email, String password) {
    @Override
    public String toString() {
        return "SignInCommand[email=" + email + ", password=redacted]";
    }
}
