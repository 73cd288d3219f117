package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.EndSessionCommand;
import dev.connect.oauth.application.port.in.EndSessionUseCase;
import dev.connect.oauth.application.port.in.EndedSession;
import dev.connect.oauth.application.port.in.LogoutConfirmation;
import dev.connect.oauth.application.port.in.LogoutOutcome;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.IdTokenVerifier;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
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
import java.util.function.Predicate;

/**
 * RP-initiated logout. With an {@code id_token_hint}, it must be an ID token this server signed:
 * it names the client (so the {@code post_logout_redirect_uri} can be checked against that
 * client's registration, never an open redirect) and the account whose session ends, at once; a
 * session of another account than the hint's is left alone, so a hint cannot sign someone else
 * out. Its {@code sub} is compared as the client sees the account (public or pairwise).
 *
 * <p>Without a hint (RECOMMENDED, not required, by §2), {@code client_id} names the client, and
 * the user is asked to confirm first ({@link LogoutConfirmation}): any site could send the
 * browser here with a client's public id. Once confirmed, the browser's session ends, whoever's.
 *
 * <p>Either way the session is deleted from the shared store, so it ends on every node at once,
 * and the {@code post_logout_redirect_uri} must be one of the client's registered
 * {@code post_logout_redirect_uris}, character for character; its redirect URIs do not count.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OpenID Connect RP-Initiated Logout 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout">§3</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#Security">§6</a>
 */
public final class EndSessionService implements EndSessionUseCase {
    private final IdTokenVerifier verifier;
    private final ClientRepository clients;
    private final SessionRepository sessions;
    private final SecretHasher hasher;
    private final Subjects subjects;
    private final OAuthPolicy policy;

    @Inject
    public EndSessionService(IdTokenVerifier verifier, ClientRepository clients, SessionRepository sessions,
                             SecretHasher hasher, PairwiseSubjects pairwise, OAuthPolicy policy) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.subjects = new Subjects(pairwise);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public LogoutOutcome endSession(EndSessionCommand command) {
        if (command.idTokenHint().isEmpty()) {
            return withoutHint(command);
        }
        VerifiedIdToken hint = command.idTokenHint().flatMap(verifier::verify)
                .filter(token -> token.issuer().equals(policy.issuer()))
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception(
                        "id_token_hint must be an ID token this server issued."));
        if (command.clientId().isPresent() && !command.clientId().get().equals(hint.audience().value())) {
            throw ErrorCode.INVALID_REQUEST.exception("client_id is not the client of the id_token_hint.");
        }
        Client client = clients.findById(hint.audience())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("The client of the id_token_hint is gone."));
        Optional<RedirectUri> redirect = postLogoutRedirect(client, command);
        boolean ended = end(command, session -> subjects.of(client, session.accountId()).equals(hint.subject()));
        return new EndedSession(ended, redirect, redirect.isPresent() ? command.state() : Optional.empty());
    }

    private LogoutOutcome withoutHint(EndSessionCommand command) {
        Client client = command.clientId().flatMap(ClientIds::parse).flatMap(clients::findById)
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception(
                        "id_token_hint or a known client_id is required."));
        Optional<RedirectUri> redirect = postLogoutRedirect(client, command);
        if (!command.confirmed()) {
            return new LogoutConfirmation(client.name());
        }
        boolean ended = end(command, session -> true);
        return new EndedSession(ended, redirect, redirect.isPresent() ? command.state() : Optional.empty());
    }

    private static Optional<RedirectUri> postLogoutRedirect(Client client, EndSessionCommand command) {
        if (command.postLogoutRedirectUri().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(client.openId().registeredPostLogoutRedirectUri(command.postLogoutRedirectUri().get())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception(
                        "post_logout_redirect_uri is not registered for this client.")));
    }

    /** Deletes the browser's session when {@code endable} says so; whether it did. */
    private boolean end(EndSessionCommand command, Predicate<BrowserSession> endable) {
        Optional<SecretHash> hash = command.sessionToken().filter(token -> !token.isBlank()).map(hasher::hash);
        if (hash.isEmpty() || sessions.findByHash(hash.get()).filter(endable).isEmpty()) {
            return false;
        }
        sessions.remove(hash.get());
        return true;
    }
}
