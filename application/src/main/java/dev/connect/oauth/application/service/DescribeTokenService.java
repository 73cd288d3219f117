package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.DescribeTokenUseCase;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
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
 * {@link TokenCheckCache} while the token is cached; the cached token carries its binding, so a
 * cached DPoP-bound token is still refused as a bearer token. A DPoP proof is always checked
 * against the fleet's record of used proofs, so a DPoP request is never answered from memory alone.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public final class DescribeTokenService implements DescribeTokenUseCase {
    private final TokenCheckCache checks;
    private final SecretHasher hasher;
    private final Clock clock;
    private final DpopProofs proofs;

    @Inject
    public DescribeTokenService(TokenCheckCache checks, SecretHasher hasher, Clock clock, DpopProofs proofs) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenInfo describe(PresentedAccessToken token) {
        return info(BearerTokens.requireActive(token, clock.instant(), hasher, checks::find, proofs));
    }

    @Override
    public Optional<TokenInfo> describeFromMemory(PresentedAccessToken token) {
        if (token.isDpop()) {
            return Optional.empty();
        }
        return token.token().filter(value -> !value.isBlank())
                .flatMap(presented -> checks.cached(TokenKeys.of(presented, hasher)))
                .map(found -> {
                    BearerTokens.requireBinding(found.token(), token.scheme(), Optional.empty());
                    return info(found);
                });
    }

    private static TokenInfo info(DescribedAccessToken found) {
        Account account = BearerTokens.requireAccount(found, Scope.CONNECT);
        return new TokenInfo(account, found.token().clientId(), found.token().scopes());
    }
}
