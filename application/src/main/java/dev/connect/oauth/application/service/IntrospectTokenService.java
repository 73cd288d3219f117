package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.IntrospectTokenUseCase;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.Client;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Token introspection for authenticated clients. Anything not currently valid (unknown, expired,
 * revoked, retired) or issued to another client is answered {@code {"active": false}} alone, so a
 * client learns nothing about tokens that are not its own. Its own tokens' {@code sub} is the
 * account as it sees it (pairwise for a pairwise client), and an access token's {@code aud} is
 * the one signed into it: its resources (RFC 8707), or the default audience.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-4">RFC 7662 §4</a>
 */
public final class IntrospectTokenService implements IntrospectTokenUseCase {
    private final ClientAuthenticator authenticator;
    private final PresentedTokens presented;
    private final AccountRepository accounts;
    private final Subjects subjects;
    private final OAuthPolicy policy;
    private final Clock clock;

    @Inject
    public IntrospectTokenService(ClientAuthenticator authenticator, TokenRepository tokens, TokenCheckCache checks,
                                  AccountRepository accounts, SecretHasher hasher, PairwiseSubjects pairwise,
                                  OAuthPolicy policy, Clock clock) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.presented = new PresentedTokens(tokens, checks, hasher);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.subjects = new Subjects(pairwise);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Introspection introspect(IntrospectTokenCommand command) {
        Client client = authenticator.authenticate(command.client());
        Instant now = clock.instant();
        return presented.findOwnedBy(client.id(), command.token(), command.tokenTypeHint(), now)
                .filter(PresentedTokens.Found::active)
                .map(found -> Introspection.active(new Introspection.Details(found.tokenType(), found.id(),
                        found.clientId(), found.accountId().map(account -> subjects.of(client, account)),
                        username(found), found.scopes(), found.issuedAt(), found.expiresAt(), found.boundKey(),
                        found.isRefreshToken() ? List.of() : found.resources().audience(policy.audience()))))
                .orElseGet(Introspection::inactive);
    }

    /** The account's email: read with an access token, looked up for a refresh token. */
    private Optional<String> username(PresentedTokens.Found found) {
        return found.account().or(() -> found.accountId().flatMap(accounts::findById))
                .map(account -> account.email().value());
    }
}
