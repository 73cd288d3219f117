package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.InvalidateTokenUseCase;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code /invalidate} (seed 003): the holder of an active access token ends it, and the refresh
 * token issued with it, so the pair cannot be renewed. The token is found through this node's
 * {@link TokenCheckCache}, which forgets it once it is revoked, so no later check here accepts it.
 */
public final class InvalidateTokenService implements InvalidateTokenUseCase {
    private final TokenRepository tokens;
    private final TokenCheckCache checks;
    private final SecretHasher hasher;
    private final Clock clock;
    private final DpopProofs proofs;

    @Inject
    public InvalidateTokenService(TokenRepository tokens, TokenCheckCache checks, SecretHasher hasher, Clock clock,
                                  DpopProofs proofs) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void invalidate(PresentedAccessToken presented) {
        Instant now = clock.instant();
        AccessToken token = BearerTokens.requireActive(presented, now, hasher, checks::find, proofs).token();
        tokens.revokeAccessToken(token.id(), now);
        checks.forget(token.hash());
        token.refreshTokenId().ifPresent(refreshId -> tokens.revokeRefreshToken(refreshId, now));
    }
}
