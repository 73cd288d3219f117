package dev.connect.oauth.application.port.in;

/**
 * The public keys that verify access tokens, as a JWK Set JSON document.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
public interface GetJwkSetUseCase {
    String jwkSetJson();
}
