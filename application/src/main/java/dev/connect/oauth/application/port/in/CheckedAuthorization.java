package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid authorization request: what the consent page shows and what approval binds the code to.
 *
 * @param dpopKey the DPoP key the code is bound to ({@code dpop_jkt}, RFC 9449 §10)
 */
public record CheckedAuthorization(Client client, RedirectUri redirectUri, ScopeSet scopes,
                                   Optional<PkceChallenge> challenge, Optional<String> state,
                                   Optional<JwkThumbprint> dpopKey) {
    public CheckedAuthorization {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dpopKey, "dpopKey");
    }

    /** A request binding the code to no DPoP key. */
    public CheckedAuthorization(Client client, RedirectUri redirectUri, ScopeSet scopes,
                                Optional<PkceChallenge> challenge, Optional<String> state) {
        this(client, redirectUri, scopes, challenge, state, Optional.empty());
    }
}
