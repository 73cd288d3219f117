package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Objects;

/** An admin registers a client; fields as received ({@code null} = absent). */
public record RegisterClientCommand(Principal caller, String name, List<String> redirectUris, List<String> scopes,
                                    String type) {
    public RegisterClientCommand {
        Objects.requireNonNull(caller, "caller");
        redirectUris = redirectUris == null ? null : List.copyOf(redirectUris);
        scopes = scopes == null ? null : List.copyOf(scopes);
    }
}
