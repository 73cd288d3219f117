package dev.connect.oauth.application.port.in;

import java.util.Optional;

/** Authenticates the {@code ACCESSTOKEN} header of the account-and-client API (API.md §4). */
public interface AuthenticateApiKeyUseCase {
    /**
     * @param headerValue the header, empty when absent
     * @throws dev.connect.oauth.domain.OAuthException 2032 absent, 2038 malformed, 2036 unknown or revoked
     */
    Principal authenticate(Optional<String> headerValue);
}
