package dev.connect.oauth.application.port.in;

/** Authenticates the {@code ACCESSTOKEN} header of the account-and-client API (API.md §4). */
public interface AuthenticateApiKeyUseCase {
    /**
     * @param headerValue the header, {@code null} when absent
     * @throws dev.connect.oauth.domain.OAuthException 2032 absent, 2038 malformed, 2036 unknown or revoked
     */
    Principal authenticate(String headerValue);
}
