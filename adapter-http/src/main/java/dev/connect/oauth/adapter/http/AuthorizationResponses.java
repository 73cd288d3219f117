package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.AuthorizationDenied;
import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationResponse;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Location of an authorization response (RFC 6749 §4.1.2 and §4.1.2.1): the registered
 * redirect URI with {@code code} or {@code error}, {@code error_description}, {@code state} and
 * the issuer's {@code iss} (RFC 9207 §2, against mix-up attacks) added to its query in the form
 * encoding, keeping any query it already has (§3.1.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-2">RFC 9207 §2</a>
 */
final class AuthorizationResponses {
    private AuthorizationResponses() {
    }

    /** RFC 9207 §2: the parameter naming the issuer in every authorization response. */
    static final String ISS = "iss";

    /** Where the browser goes with a decided request: the code, or {@code access_denied}. */
    static String location(AuthorizationResponse response, String issuer) {
        return switch (response) {
            case AuthorizationGranted granted -> success(granted, issuer);
            case AuthorizationDenied denied -> error(denied.redirectUri(), ErrorCode.ACCESS_DENIED.exception(),
                    denied.state(), issuer);
        };
    }

    static String success(AuthorizationGranted granted, String issuer) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("code", granted.code()));
        granted.state().ifPresent(state -> params.add(Map.entry("state", state)));
        params.add(Map.entry(ISS, issuer));
        return location(granted.redirectUri().value(), params);
    }

    static String error(RedirectUri redirectUri, OAuthException error, Optional<String> state, String issuer) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("error", error.errorCode().error()));
        params.add(Map.entry("error_description", error.description()));
        state.ifPresent(value -> params.add(Map.entry("state", value)));
        params.add(Map.entry(ISS, issuer));
        return location(redirectUri.value(), params);
    }

    /** {@code base} with the parameters appended to its query (a registered URI has no fragment). */
    static String location(String base, List<Map.Entry<String, String>> params) {
        String query = params.stream()
                .map(p -> FormCodec.encode(p.getKey()) + "=" + FormCodec.encode(p.getValue()))
                .collect(Collectors.joining("&"));
        int mark = base.indexOf('?');
        String separator = mark < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + query;
    }
}
