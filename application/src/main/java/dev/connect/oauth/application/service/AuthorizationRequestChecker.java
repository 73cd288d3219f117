package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.ScopeSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of an authorization request, in the order RFC 6749 §4.1.2.1 sets: first the client
 * and its redirect URI, whose failures must never redirect (an open redirector otherwise); then
 * everything else, whose failures go back to the verified redirect URI with the {@code state}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.4.1">RFC 7636 §4.4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1">RFC 9700 §2.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
final class AuthorizationRequestChecker {
    /** {@code state} is echoed in a URL: a bound keeps the redirect a sane length. */
    static final int MAX_STATE_LENGTH = 1024;

    private final ClientRepository clients;
    private final OAuthPolicy policy;

    AuthorizationRequestChecker(ClientRepository clients, OAuthPolicy policy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    CheckedAuthorization check(AuthorizationRequest request) {
        if (request.isRepeated("client_id") || request.isRepeated("redirect_uri")) {
            // Without one client and one redirect URI there is nowhere safe to send the error.
            throw repeated(request);
        }
        Client client = request.clientId().flatMap(ClientIds::parse).flatMap(clients::findById)
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("Unknown client_id."));
        RedirectUri redirectUri = request.redirectUri().flatMap(client::registeredRedirectUri)
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception(
                        "redirect_uri is missing or not registered for this client."));
        Optional<String> state = request.state();
        if (state.isPresent() && state.get().length() > MAX_STATE_LENGTH) {
            // Echoing an oversized state would make the redirect itself oversized.
            throw new AuthorizationRedirectException(
                    ErrorCode.INVALID_REQUEST.exception("state must be at most " + MAX_STATE_LENGTH + " characters."),
                    redirectUri, Optional.empty());
        }
        CheckedAuthorization checked;
        try {
            checkResponseType(client, request.responseType());
            ScopeSet scopes = client.resolveScopes(request.scope(), OpenIdScopes.ALWAYS_AVAILABLE);
            Optional<PkceChallenge> challenge = challenge(client, request);
            // RFC 8707 §2: each resource must be one the client registered, else invalid_target.
            ResourceSet resources = client.openId().resources().narrow(request.resources());
            checked = new CheckedAuthorization(client, redirectUri, scopes, challenge, state, dpopKey(request),
                    request.resources().isEmpty() ? ResourceSet.NONE : resources);
        } catch (OAuthException rejected) {
            throw new AuthorizationRedirectException(rejected, redirectUri, state);
        }
        if (!request.repeatedParameters().isEmpty()) {
            // A repeated state is not echoed: which of its values would be the client's?
            throw new AuthorizationRedirectException(repeated(request), redirectUri,
                    request.isRepeated("state") ? Optional.empty() : state);
        }
        return checked;
    }

    /** RFC 9449 §10: {@code dpop_jkt}, when sent, is a JWK SHA-256 thumbprint. */
    private static Optional<JwkThumbprint> dpopKey(AuthorizationRequest request) {
        if (request.dpopJkt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request.dpopJkt().flatMap(JwkThumbprint::parse).orElseThrow(() -> ErrorCode.INVALID_REQUEST
                .exception("dpop_jkt must be a JWK SHA-256 thumbprint (base64url, 43 characters).")));
    }

    private static OAuthException repeated(AuthorizationRequest request) {
        return ErrorCode.INVALID_REQUEST.exception(
                "Parameter " + request.repeatedParameters().getFirst() + " must not be repeated.");
    }

    private static void checkResponseType(Client client, Optional<String> responseType) {
        String given = responseType.orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("response_type is required."));
        Optional<ResponseType> parsed = ResponseType.parse(given);
        if (parsed.isEmpty()) {
            throw ErrorCode.UNSUPPORTED_RESPONSE_TYPE.exception("response_type must be code.");
        }
        if (!client.auth().responseTypes().contains(parsed.get())) {
            // RFC 7591 §2: a client uses the response types it registered.
            throw ErrorCode.UNAUTHORIZED_CLIENT.exception("This client did not register response_type " + given + ".");
        }
    }

    private Optional<PkceChallenge> challenge(Client client, AuthorizationRequest request) {
        boolean methodGiven = request.codeChallengeMethod().isPresent();
        if (request.codeChallenge().isEmpty()) {
            if (methodGiven) {
                throw ErrorCode.INVALID_REQUEST.exception("code_challenge_method was sent without code_challenge.");
            }
            if (client.isPublic()) {
                throw ErrorCode.INVALID_REQUEST.exception("PKCE required: a public client must send code_challenge.");
            }
            return Optional.empty();
        }
        PkceChallenge challenge = PkceChallenge.parse(request.codeChallenge().get(), request.codeChallengeMethod());
        if (challenge.method() == PkceMethod.PLAIN && !policy.allowPlainPkce()) {
            throw ErrorCode.INVALID_REQUEST.exception("code_challenge_method must be S256.");
        }
        return Optional.of(challenge);
    }
}
