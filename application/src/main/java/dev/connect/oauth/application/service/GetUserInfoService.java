package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.GetUserInfoUseCase;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.in.UserInfo;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.ScopeSet;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The UserInfo endpoint: the account behind an active access token granted {@code openid}, with
 * the claims its other scopes release. The token and its account come from one lookup, as at
 * {@code /info}; {@code sub} is the ID token's: the account as the token's client sees it
 * ({@link Subjects}, pairwise for a pairwise client).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core 1.0 §5.3</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OpenID Connect Core 1.0 §5.4</a>
 */
public final class GetUserInfoService implements GetUserInfoUseCase {
    private final AccessTokenLookup lookup;
    private final ClientRepository clients;
    private final Subjects subjects;
    private final SecretHasher hasher;
    private final Clock clock;
    private final DpopProofs proofs;

    @Inject
    public GetUserInfoService(AccessTokenLookup lookup, ClientRepository clients, PairwiseSubjects pairwise,
                              SecretHasher hasher, Clock clock, DpopProofs proofs) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.subjects = new Subjects(pairwise);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserInfo userInfo(PresentedAccessToken token) {
        DescribedAccessToken found = BearerTokens.requireActive(token, clock.instant(), hasher,
                lookup::findWithAccount, proofs);
        Account account = BearerTokens.requireAccount(found, OpenIdScopes.OPENID);
        ScopeSet scopes = found.token().scopes();
        // A deleted client's tokens are revoked with it; one deleted meanwhile is as good as revoked.
        Client client = clients.findById(found.token().clientId())
                .orElseThrow(() -> ErrorCode.INVALID_TOKEN.exception("The token's client is gone."));
        return new UserInfo(subjects.of(client, account.id()),
                Optional.of(account.name()).filter(name -> scopes.contains(OpenIdScopes.PROFILE)),
                Optional.of(account.email()).filter(email -> scopes.contains(OpenIdScopes.EMAIL)),
                account.phone().filter(phone -> scopes.contains(OpenIdScopes.PHONE)));
    }
}
