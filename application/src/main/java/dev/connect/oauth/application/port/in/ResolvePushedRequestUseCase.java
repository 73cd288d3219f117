package dev.connect.oauth.application.port.in;

import java.util.Map;
import java.util.Optional;

/**
 * The first step of the authorization endpoint (RFC 9126 §4): a request with a {@code request_uri}
 * takes the parameters its client pushed, once, in place of everything else it carries; a request
 * without one is refused when its client must push.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-4">RFC 9126 §4</a>
 */
public interface ResolvePushedRequestUseCase {
    /**
     * @return the pushed parameters, by wire name, that replace the request's; empty when the
     *         request pushed nothing and stands as it came
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_request} for a
     *         {@code request_uri} that is unknown, expired, used already or another client's (never
     *         redirected: nothing says where to)
     * @throws AuthorizationRedirectException a client that must push sent its parameters directly,
     *         or any error the request's checks find
     */
    Optional<Map<String, String>> resolve(ResolvePushedRequestCommand command);
}
