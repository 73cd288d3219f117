package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.InvalidateTokenUseCase;
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
 * token issued with it, so the pair cannot be renewed.
 */
public final class InvalidateTokenService implements InvalidateTokenUseCase {
    private final BearerTokens bearerTokens;
    private final TokenRepository tokens;
    private final Clock clock;

    @Inject
    public InvalidateTokenService(TokenRepository tokens, SecretHasher hasher, Clock clock) {
        this.bearerTokens = new BearerTokens(tokens, hasher);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void invalidate(Optional<String> bearerToken) {
        Instant now = clock.instant();
        AccessToken token = bearerTokens.requireActive(bearerToken, now);
        tokens.revokeAccessToken(token.id(), now);
        token.refreshTokenId().ifPresent(refreshId -> tokens.revokeRefreshToken(refreshId, now));
    }
}
