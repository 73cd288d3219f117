package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.EndSessionCommand;
import dev.connect.oauth.application.port.in.EndSessionUseCase;
import dev.connect.oauth.application.port.in.EndedSession;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.IdTokenVerifier;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.application.port.out.VerifiedIdToken;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * RP-initiated logout. The {@code id_token_hint} is required and must be an ID token this server
 * signed: it names the client (so the {@code post_logout_redirect_uri} can be checked against
 * that client's registration, never an open redirect) and the account whose session ends. The
 * session is deleted from the shared store, so it ends on every node at once; a session of
 * another account than the hint's is left alone, so a hint cannot sign someone else out.
 *
 * <p>The {@code post_logout_redirect_uri} must be one of the client's registered
 * {@code post_logout_redirect_uris}, character for character; its redirect URIs do not count.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OpenID Connect RP-Initiated Logout 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout">§3</a>
 */
public final class EndSessionService implements EndSessionUseCase {
    private final IdTokenVerifier verifier;
    private final ClientRepository clients;
    private final SessionRepository sessions;
    private final SecretHasher hasher;
    private final OAuthPolicy policy;

    @Inject
    public EndSessionService(IdTokenVerifier verifier, ClientRepository clients, SessionRepository sessions,
                             SecretHasher hasher, OAuthPolicy policy) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public EndedSession endSession(EndSessionCommand command) {
        VerifiedIdToken hint = command.idTokenHint().flatMap(verifier::verify)
                .filter(token -> token.issuer().equals(policy.issuer()))
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception(
                        "id_token_hint is required: an ID token this server issued."));
        if (command.clientId().isPresent() && !command.clientId().get().equals(hint.audience().value())) {
            throw ErrorCode.INVALID_REQUEST.exception("client_id is not the client of the id_token_hint.");
        }
        Client client = clients.findById(hint.audience())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("The client of the id_token_hint is gone."));
        Optional<RedirectUri> redirect = Optional.empty();
        if (command.postLogoutRedirectUri().isPresent()) {
            redirect = Optional.of(client.openId().registeredPostLogoutRedirectUri(command.postLogoutRedirectUri().get())
                    .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception(
                            "post_logout_redirect_uri is not registered for this client.")));
        }
        boolean ended = command.sessionToken().filter(token -> !token.isBlank()).map(hasher::hash)
                .map(hash -> endIfOf(hash, hint)).orElse(false);
        return new EndedSession(ended, redirect, redirect.isPresent() ? command.state() : Optional.empty());
    }

    /** Deletes the session when it is the hint's account's; whether it did. */
    private boolean endIfOf(SecretHash hash, VerifiedIdToken hint) {
        Optional<BrowserSession> session = sessions.findByHash(hash);
        if (session.isEmpty() || !session.get().accountId().value().equals(hint.subject())) {
            return false;
        }
        sessions.remove(hash);
        return true;
    }
}
