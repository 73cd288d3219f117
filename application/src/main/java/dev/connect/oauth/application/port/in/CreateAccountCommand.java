package dev.connect.oauth.application.port.in;

import java.util.Objects;

/** An admin creates an account; fields as received ({@code null} = absent). */
public record CreateAccountCommand(Principal caller, String email, String phone, String name, String password,
                                   String role) {
    public CreateAccountCommand {
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String toString() {
        return "CreateAccountCommand[email=" + email + ", name=" + name + ", role=" + role + "]";
    }
}
