package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Objects;

/** A client the account has authorised: the union of its active grants' scopes, since the first. */
public record Connection(ClientId clientId, String clientName, ScopeSet scopes, Instant since) {
    public Connection {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(since, "since");
    }
}
