package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.InvalidateTokenUseCase;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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

    @Inject
    public InvalidateTokenService(TokenRepository tokens, TokenCheckCache checks, SecretHasher hasher, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void invalidate(Optional<String> bearerToken) {
        Instant now = clock.instant();
        AccessToken token = BearerTokens.requireActive(bearerToken, now, hasher, checks::find).token();
        tokens.revokeAccessToken(token.id(), now);
        checks.forget(token.hash());
        token.refreshTokenId().ifPresent(refreshId -> tokens.revokeRefreshToken(refreshId, now));
    }
}
