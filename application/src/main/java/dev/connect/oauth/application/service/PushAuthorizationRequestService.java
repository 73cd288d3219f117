package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestCommand;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.PushedRequestUri;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.AuthenticationRequirement;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /oauth/par} (RFC 9126 §2): the client authenticates as at the token endpoint, then
 * its parameters get every check of the authorization endpoint (client and redirect URI, response
 * type, scopes, PKCE, {@code state}, {@code nonce}, {@code prompt}, {@code max_age}); any failure is
 * answered to the client directly, nothing is redirected. A {@code request_uri} among them is
 * refused (§2.1), and so is a request object, which this server does not support. A request
 * without {@code client_id} (the client authenticated with HTTP Basic) gets the authenticated one.
 * A DPoP proof sent with the push binds the code to its key, as {@code dpop_jkt} does; both must
 * then name the same key (RFC 9449 §10.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-2.1">RFC 9126 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-2.3">RFC 9126 §2.3</a>
 */
public final class PushAuthorizationRequestService implements PushAuthorizationRequestUseCase {
    private final ClientAuthenticator authenticator;
    private final AuthorizationRequestChecker checker;
    private final PushedRequestKeeper keeper;
    private final DpopProofs proofs;

    @Inject
    public PushAuthorizationRequestService(ClientAuthenticator authenticator, ClientRepository clients, SecretHasher hasher,
                                           SecretGenerator generator,
                                           PushedRequestStore store, Clock clock, OAuthPolicy policy,
                                           PushedRequestPolicy pushed, DpopProofs proofs) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.checker = new AuthorizationRequestChecker(clients, policy);
        this.keeper = new PushedRequestKeeper(store, generator, hasher, clock, pushed);
    }

    @Override
    public PushedRequestUri push(PushAuthorizationRequestCommand command) {
        Objects.requireNonNull(command, "command");
        Client client = authenticator.authenticate(command.client());
        Map<String, String> parameters = new LinkedHashMap<>(command.parameters());
        proofs.verify(command.dpop(), Optional.empty()).ifPresent(key -> {
            if (!parameters.computeIfAbsent("dpop_jkt", name -> key.value()).equals(key.value())) {
                throw ErrorCode.INVALID_DPOP_PROOF.exception("dpop_jkt is not the thumbprint of the DPoP proof's key.");
            }
        });
        if (parameters.containsKey("request_uri")) {
            throw ErrorCode.INVALID_REQUEST.exception("request_uri must not be pushed.");
        }
        if (parameters.containsKey("request")) {
            throw ErrorCode.INVALID_REQUEST.exception("Request objects are not supported.");
        }
        String clientId = parameters.computeIfAbsent("client_id", name -> client.id().value());
        if (!clientId.equals(client.id().value())) {
            throw ErrorCode.INVALID_REQUEST.exception("client_id differs from the authenticated client.");
        }
        try {
            checker.check(AuthorizationRequest.of(parameters));
            Optional.ofNullable(parameters.get("nonce")).ifPresent(Authentication::checkNonce);
            AuthenticationRequirement.parse(Optional.ofNullable(parameters.get("prompt")),
                    Optional.ofNullable(parameters.get("max_age")));
        } catch (AuthorizationRedirectException rejected) {
            // The client is the caller here: it gets the error itself, not at its redirect URI.
            throw rejected.errorCode().exception(rejected.description());
        }
        return keeper.keep(client.id(), parameters);
    }
}
