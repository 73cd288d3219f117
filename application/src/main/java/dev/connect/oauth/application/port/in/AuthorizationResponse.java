package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.RedirectUri;
import java.util.Optional;

/**
 * The answer to a decided authorization request, to send to the client's verified redirect URI
 * with the request's {@code state}: a code, or {@code access_denied}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public sealed interface AuthorizationResponse permits AuthorizationGranted, AuthorizationDenied {
    RedirectUri redirectUri();

    Optional<String> state();
}
