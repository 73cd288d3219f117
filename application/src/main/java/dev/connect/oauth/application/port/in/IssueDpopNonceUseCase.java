package dev.connect.oauth.application.port.in;

/**
 * The server's current DPoP nonce, sent in {@code DPoP-Nonce} on every DPoP answer so that clients
 * always hold a fresh one. Never blocks: it may run on an event loop.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-8">RFC 9449 §8</a>
 */
public interface IssueDpopNonceUseCase {
    /** A nonce every node accepts for at least one nonce lifetime. */
    String currentNonce();
}
