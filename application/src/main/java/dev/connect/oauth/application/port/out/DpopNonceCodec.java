package dev.connect.oauth.application.port.out;

import java.util.OptionalLong;

/**
 * Seals and opens the server's DPoP nonces: each names a time slot and is authenticated with a key
 * every node shares, so any node accepts what any other issued, without stored state.
 * Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-8">RFC 9449 §8</a>
 */
public interface DpopNonceCodec {
    /** A nonce naming {@code slot}, opaque to clients. */
    String seal(long slot);

    /** The slot {@code nonce} names, when this fleet sealed it; empty for anything else. */
    OptionalLong open(String nonce);
}
