package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.ResolvePushedRequestCommand;
import dev.connect.oauth.application.port.in.ResolvePushedRequestUseCase;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RequestUri;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes the pushed request a {@code request_uri} refers to, once: the store hands it out to one
 * caller only, and only to the client that pushed it (the {@code client_id} beside the
 * {@code request_uri} must be that client's, RFC 9126 §4), before it expires. Whatever else the
 * request carries is ignored. Every failure is the same {@code invalid_request}, so a guess learns
 * nothing, and none is redirected: which redirect URI would be the client's? A request without
 * {@code request_uri} is checked as usual and refused, back at its redirect URI, when its client
 * must push.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-4">RFC 9126 §4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-5">RFC 9126 §5</a>
 */
public final class ResolvePushedRequestService implements ResolvePushedRequestUseCase {
    private final AuthorizationRequestChecker checker;
    private final PushedRequestStore store;
    private final SecretHasher hasher;
    private final Clock clock;
    private final PushedRequestPolicy pushed;

    @Inject
    public ResolvePushedRequestService(ClientRepository clients, PushedRequestStore store, SecretHasher hasher,
                                       Clock clock, OAuthPolicy policy, PushedRequestPolicy pushed) {
        this.checker = new AuthorizationRequestChecker(clients, policy);
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pushed = Objects.requireNonNull(pushed, "pushed");
    }

    @Override
    public Optional<Map<String, String>> resolve(ResolvePushedRequestCommand command) {
        Objects.requireNonNull(command, "command");
        AuthorizationRequest request = command.request();
        if (command.requestUri().isEmpty()) {
            CheckedAuthorization checked = checker.check(request);
            if (pushed.requiredFor(checked.client())) {
                throw new AuthorizationRedirectException(ErrorCode.INVALID_REQUEST.exception(
                        "This client must push its authorization requests first (pushed_authorization_request_endpoint)."),
                        checked.redirectUri(), checked.state());
            }
            return Optional.empty();
        }
        if (request.isRepeated("client_id")) {
            throw ErrorCode.INVALID_REQUEST.exception("Parameter client_id must not be repeated.");
        }
        ClientId client = request.clientId().flatMap(ClientIds::parse)
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("client_id is required with request_uri."));
        RequestUri uri = RequestUri.parse(command.requestUri().get()).orElseThrow(ResolvePushedRequestService::unusable);
        return Optional.of(store.take(hasher.hash(uri.value()), client, clock.instant())
                .orElseThrow(ResolvePushedRequestService::unusable).parameters());
    }

    private static OAuthException unusable() {
        return ErrorCode.INVALID_REQUEST.exception(
                "request_uri is unknown, expired, used already or was pushed by another client.");
    }
}
