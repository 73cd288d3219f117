package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * An admin creates an account; fields as received. They stay text because the caller's right to
 * create accounts is checked before any field (403 before 400), and the use case owns the rules
 * (2034, 2041, role {@code admin} or {@code customer}, absent role: customer).
 */
public record CreateAccountCommand(Principal caller, Optional<String> email, Optional<String> phone,
                                   Optional<String> name, Optional<String> password, Optional<String> role) {
    public CreateAccountCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return "CreateAccountCommand[email=" + email + ", name=" + name + ", role=" + role + "]";
    }
}
