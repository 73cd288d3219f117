package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ErrorCode;
import java.util.List;
import java.util.Objects;

/** An admin registers a client; fields as received ({@code null} = absent, never a null element). */
public record RegisterClientCommand(Principal caller, String name, List<String> redirectUris, List<String> scopes,
                                    String type) {
    public RegisterClientCommand {
        Objects.requireNonNull(caller, "caller");
        redirectUris = copyWithoutNulls(redirectUris, "redirect_uris");
        scopes = copyWithoutNulls(scopes, "scopes");
    }

    private static List<String> copyWithoutNulls(List<String> values, String name) {
        if (values == null) {
            return null;
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw ErrorCode.INVALID_REQUEST.exception(name + " must hold strings only.");
        }
        return List.copyOf(values);
    }
}
