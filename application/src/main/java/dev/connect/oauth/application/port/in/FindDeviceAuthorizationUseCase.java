package dev.connect.oauth.application.port.in;

/**
 * The verification page's first step (RFC 8628 §3.3): the person entered a user code; which client
 * asks for which scopes, to show on the consent page. Wrong codes are limited per source and per
 * account (RFC 8628 §5.1): past the limit every attempt is refused with
 * {@link TooManyAttemptsException} until the window ends.
 */
public interface FindDeviceAuthorizationUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code not_found} for a code that is not one,
     *         {@code expired_token} or {@code invalid_grant} (already decided)
     * @throws TooManyAttemptsException when too many wrong codes came from the source or the account
     */
    PendingDeviceAuthorization find(UserCodeAttempt attempt);
}
