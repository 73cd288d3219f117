package dev.connect.oauth.application.port.in;

/**
 * The device authorization endpoint (RFC 8628 §3.1, §3.2): an authenticated client (a public one
 * by its {@code client_id}) starts a request for the scopes it asks for, and gets the device code it
 * will poll the token endpoint with and the user code a person enters on another device.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.2">RFC 8628 §3.2</a>
 */
public interface StartDeviceAuthorizationUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_client} or {@code invalid_scope}
     */
    DeviceAuthorizationStarted start(StartDeviceAuthorizationCommand command);
}
