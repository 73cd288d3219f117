package dev.connect.oauth.application.port.in;

/**
 * {@code grant_type=urn:ietf:params:oauth:grant-type:device_code} (RFC 8628 §3.4, §3.5): the
 * client polls with its device code until the person decided. While it cannot issue, it answers
 * with an {@link dev.connect.oauth.domain.OAuthException} of {@code authorization_pending},
 * {@code slow_down}, {@code access_denied} or {@code expired_token}; once approved, it issues an
 * access and a refresh token (and an ID token for {@code openid}) once.
 */
public interface ExchangeDeviceCodeUseCase {
    TokenResponse exchange(ExchangeDeviceCodeCommand command);
}
