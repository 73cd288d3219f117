package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What a request offers as DPoP proof (RFC 9449 §4.1): the values of its {@code DPoP} headers, of
 * which there must be exactly one, with the method and the URL the proof must name.
 *
 * @param proofs the {@code DPoP} header values, at least one
 * @param method the request's method ({@code htm})
 * @param uri    the request's URL as the server publishes it (its issuer and the path), without query ({@code htu})
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-4.3">RFC 9449 §4.3</a>
 */
public record DpopRequest(List<String> proofs, String method, String uri) {
    public DpopRequest {
        proofs = List.copyOf(Objects.requireNonNull(proofs, "proofs"));
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (proofs.isEmpty()) {
            throw new IllegalArgumentException("A DPoP request has at least one proof");
        }
    }

    @Override
    public String toString() {
        return "DpopRequest[proofs=" + proofs.size() + ", method=" + method + ", uri=" + uri + "]";
    }
}
