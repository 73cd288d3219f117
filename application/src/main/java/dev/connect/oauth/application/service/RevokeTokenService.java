package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.RevokeTokenCommand;
import dev.connect.oauth.application.port.in.RevokeTokenUseCase;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.Client;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Token revocation. Unknown tokens and other clients' tokens succeed without effect, so the
 * answer tells nothing (RFC 7009 §2.2). A refresh token takes its whole grant with it, every
 * access token issued from it included (RFC 7009 §2.1); an access token goes alone. This node's
 * {@link TokenCheckCache} forgets the access token at once (a grant's revocation reaches it
 * through {@link RevocationAwareGrantRepository}); other nodes' within their revocation delay.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
public final class RevokeTokenService implements RevokeTokenUseCase {
    private final ClientAuthenticator authenticator;
    private final PresentedTokens presented;
    private final TokenRepository tokens;
    private final TokenCheckCache checks;
    private final GrantRepository grants;
    private final Clock clock;

    @Inject
    public RevokeTokenService(ClientAuthenticator authenticator, TokenRepository tokens, TokenCheckCache checks,
                              GrantRepository grants, SecretHasher hasher, Clock clock) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.presented = new PresentedTokens(tokens, checks, hasher);
        this.checks = Objects.requireNonNull(checks, "checks");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void revoke(RevokeTokenCommand command) {
        Client client = authenticator.authenticate(command.client());
        Instant now = clock.instant();
        presented.findOwnedBy(client.id(), command.token(), command.tokenTypeHint(), now).ifPresent(found -> {
            if (found.isRefreshToken()) {
                grants.revoke(found.grantId(), now);
            } else {
                tokens.revokeAccessToken(found.id(), now);
                checks.forget(found.hash());
            }
        });
    }
}
