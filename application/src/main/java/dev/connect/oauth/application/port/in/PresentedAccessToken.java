package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * An access token as a protected resource received it: its value, the {@code Authorization}
 * scheme it came with, and the request's DPoP proof, if any. A DPoP-bound token is valid only with
 * the {@code DPoP} scheme and a proof of its key; a bearer token only with the {@code Bearer} scheme.
 *
 * @param token the token, empty when the request carried none
 * @param dpop  the request's DPoP proof, empty when it sent no {@code DPoP} header
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-7">RFC 9449 §7</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
public record PresentedAccessToken(Optional<String> token, Scheme scheme, Optional<DpopRequest> dpop) {
    /** The {@code Authorization} scheme a token came with. */
    public enum Scheme {
        BEARER, DPOP
    }

    public PresentedAccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(dpop, "dpop");
    }

    /** A token sent as {@code Authorization: Bearer}, without a proof. */
    public static PresentedAccessToken bearer(Optional<String> token) {
        return new PresentedAccessToken(token, Scheme.BEARER, Optional.empty());
    }

    /** Whether the token came with the {@code DPoP} scheme. */
    public boolean isDpop() {
        return scheme == Scheme.DPOP;
    }

    @Override
    public String toString() {
        return "PresentedAccessToken[scheme=" + scheme + ", dpop=" + dpop + "]";
    }
}
