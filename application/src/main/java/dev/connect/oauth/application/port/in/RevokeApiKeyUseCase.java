package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ApiKeyId;

/** Revokes one of the caller's own API keys. */
public interface RevokeApiKeyUseCase {
    /** @throws dev.connect.oauth.domain.OAuthException {@code not_found} when the caller has no such active key */
    void revoke(Principal caller, ApiKeyId keyId);
}
