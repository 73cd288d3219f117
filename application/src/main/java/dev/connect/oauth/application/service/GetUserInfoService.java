package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.GetUserInfoUseCase;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.in.UserInfo;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.ScopeSet;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The UserInfo endpoint: the account behind an active access token granted {@code openid}, with
 * the claims its other scopes release. The token and its account come from one lookup, as at
 * {@code /info}; {@code sub} is the ID token's.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core 1.0 §5.3</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OpenID Connect Core 1.0 §5.4</a>
 */
public final class GetUserInfoService implements GetUserInfoUseCase {
    private final AccessTokenLookup lookup;
    private final SecretHasher hasher;
    private final Clock clock;
    private final DpopProofs proofs;

    @Inject
    public GetUserInfoService(AccessTokenLookup lookup, SecretHasher hasher, Clock clock, DpopProofs proofs) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserInfo userInfo(PresentedAccessToken token) {
        DescribedAccessToken found = BearerTokens.requireActive(token, clock.instant(), hasher,
                lookup::findWithAccount, proofs);
        Account account = BearerTokens.requireAccount(found, OpenIdScopes.OPENID);
        ScopeSet scopes = found.token().scopes();
        return new UserInfo(account.id().value(),
                Optional.of(account.name()).filter(name -> scopes.contains(OpenIdScopes.PROFILE)),
                Optional.of(account.email()).filter(email -> scopes.contains(OpenIdScopes.EMAIL)),
                account.phone().filter(phone -> scopes.contains(OpenIdScopes.PHONE)));
    }
}
