package dev.connect.oauth.application.port.out;

/**
 * Fetches the JWK Set a client publishes at its {@code jwks_uri} (RFC 7591 §2), with a connect and a
 * read timeout, a size limit and no redirects, so that a slow or hostile URI costs a bounded wait.
 * Caching is the caller's. Safe to call from any thread.
 */
public interface ClientKeysFetcher {
    /**
     * The document at {@code jwksUri}, as text.
     *
     * @throws ClientKeysUnavailableException when it cannot be had in time, is too large or is not a 200
     */
    String fetch(String jwksUri);
}
