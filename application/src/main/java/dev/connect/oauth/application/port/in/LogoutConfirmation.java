package dev.connect.oauth.application.port.in;

import java.util.Objects;

/**
 * A logout request without {@code id_token_hint}: the user is asked to confirm before the session
 * ends, since any site can send a browser to the logout endpoint with a client's public
 * {@code client_id} (OpenID Connect RP-Initiated Logout 1.0 §2 and §6). Nothing was ended yet.
 *
 * @param clientName the name of the client asking, to show on the question
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OpenID Connect RP-Initiated Logout 1.0 §2</a>
 */
public record LogoutConfirmation(String clientName) implements LogoutOutcome {
    public LogoutConfirmation {
        Objects.requireNonNull(clientName, "clientName");
    }
}
