package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.DescribeTokenUseCase;
import dev.connect.oauth.application.port.in.TokenInfo;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Scope;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /info} (seed 003): the account behind an active access token carrying {@code connect}.
 * A client credentials token names no account, so it describes nothing. Resource servers call it
 * on every request, so the token and its account come from one lookup, and from this node's
 * {@link TokenCheckCache} while the token is cached.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public final class DescribeTokenService implements DescribeTokenUseCase {
    private final TokenCheckCache checks;
    private final SecretHasher hasher;
    private final Clock clock;

    @Inject
    public DescribeTokenService(TokenCheckCache checks, SecretHasher hasher, Clock clock) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenInfo describe(Optional<String> bearerToken) {
        return info(BearerTokens.requireActive(bearerToken, clock.instant(), hasher, checks::find));
    }

    @Override
    public Optional<TokenInfo> describeFromMemory(Optional<String> bearerToken) {
        return bearerToken.filter(value -> !value.isBlank())
                .flatMap(presented -> checks.cached(hasher.hash(presented)))
                .map(DescribeTokenService::info);
    }

    private static TokenInfo info(DescribedAccessToken found) {
        Account account = BearerTokens.requireAccount(found, Scope.CONNECT);
        return new TokenInfo(account, found.token().clientId(), found.token().scopes());
    }
}
