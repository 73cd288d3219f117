package dev.connect.oauth.application.port.in;

/**
 * A person's decision on a device authorization request, from the verification page or the API
 * with their API key (RFC 8628 §3.3): approving records their consent as a new grant, which the
 * polling device then redeems; denying answers the device {@code access_denied}. A request is
 * decided once. Wrong codes count against the limit of {@link FindDeviceAuthorizationUseCase}.
 */
public interface DecideDeviceAuthorizationUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException as {@link FindDeviceAuthorizationUseCase#find} does
     * @throws TooManyAttemptsException as {@link FindDeviceAuthorizationUseCase#find} does
     */
    PendingDeviceAuthorization decide(DecideDeviceAuthorizationCommand command);
}
