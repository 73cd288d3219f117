package dev.connect.oauth.application.port.in;

import java.util.List;

/**
 * What a client needs to make an acceptable DPoP proof: the {@code alg} values accepted (for the
 * metadata and the {@code WWW-Authenticate} challenges) and the server's current nonce, sent in
 * {@code DPoP-Nonce} on every DPoP answer so that clients always hold a fresh one. Never blocks:
 * it may run on an event loop.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-5.1">RFC 9449 §5.1, §7.1, §8</a>
 */
public interface GetDpopParametersUseCase {
    /** The proof {@code alg} values accepted, in the order to advertise them. */
    List<String> algorithms();

    /** A nonce every node accepts for at least one nonce lifetime. */
    String currentNonce();
}
