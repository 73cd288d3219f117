package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.UserCode;
import java.util.Objects;

/**
 * A device authorization request as the person deciding it sees it: the user code they entered
 * (normalised), the client asking and the scopes it asks for.
 */
public record PendingDeviceAuthorization(UserCode userCode, ClientId clientId, String clientName, ScopeSet scopes) {
    public PendingDeviceAuthorization {
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(scopes, "scopes");
    }
}
