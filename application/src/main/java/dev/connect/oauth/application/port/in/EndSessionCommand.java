package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A relying party's logout request, each parameter absent when not sent, with the browser's
 * session cookie, and whether the user {@code confirmed} it (on the server's own, CSRF-protected
 * question, asked when there is no {@code id_token_hint}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OpenID Connect RP-Initiated Logout 1.0 §2</a>
 */
public record EndSessionCommand(Optional<String> idTokenHint, Optional<String> clientId,
                                Optional<String> postLogoutRedirectUri, Optional<String> state,
                                Optional<String> sessionToken, boolean confirmed) {
    public EndSessionCommand {
        Objects.requireNonNull(idTokenHint, "idTokenHint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(postLogoutRedirectUri, "postLogoutRedirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** A request the user did not confirm (yet). */
    public EndSessionCommand(Optional<String> idTokenHint, Optional<String> clientId,
                             Optional<String> postLogoutRedirectUri, Optional<String> state,
                             Optional<String> sessionToken) {
        this(idTokenHint, clientId, postLogoutRedirectUri, state, sessionToken, false);
    }
}
