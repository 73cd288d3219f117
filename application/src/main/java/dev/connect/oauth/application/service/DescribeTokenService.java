package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.DescribeTokenUseCase;
import dev.connect.oauth.application.port.in.TokenInfo;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Scope;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code /info} (seed 003): the account behind an active access token carrying {@code connect}.
 * A client credentials token names no account, so it describes nothing. Resource servers call it
 * on every request, so the token and its account come from one lookup.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public final class DescribeTokenService implements DescribeTokenUseCase {
    private final AccessTokenLookup lookup;
    private final SecretHasher hasher;
    private final Clock clock;

    @Inject
    public DescribeTokenService(AccessTokenLookup lookup, SecretHasher hasher, Clock clock) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenInfo describe(String bearerToken) {
        DescribedAccessToken found = BearerTokens.requireActive(bearerToken, clock.instant(), hasher,
                lookup::findWithAccount, DescribedAccessToken::token);
        Account account = BearerTokens.requireAccount(found, Scope.CONNECT);
        return new TokenInfo(account, found.token().clientId(), found.token().scopes());
    }
}
