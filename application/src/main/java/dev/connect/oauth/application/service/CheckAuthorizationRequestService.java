package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.CheckAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.out.ClientRepository;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Validates an authorization request before sign-in and consent.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
public final class CheckAuthorizationRequestService implements CheckAuthorizationRequestUseCase {
    private final AuthorizationRequestChecker checker;

    @Inject
    public CheckAuthorizationRequestService(ClientRepository clients, OAuthPolicy policy) {
        this.checker = new AuthorizationRequestChecker(clients, policy);
    }

    @Override
    public CheckedAuthorization check(AuthorizationRequest request) {
        return checker.check(Objects.requireNonNull(request, "request"));
    }
}
