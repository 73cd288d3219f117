package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.domain.AccessTokenHash;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.OpenIdScopes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds an ID token to a token response whose scope holds {@code openid}: {@code sub} the account
 * as the client sees it ({@link Subjects}: its id, or a pairwise value),
 * {@code aud} and {@code azp} the client, {@code auth_time} from the grant's authentication,
 * {@code at_hash} of the access token beside it, and the request's {@code nonce} at the code
 * exchange only (on refresh it is left out, as Core §12.2 recommends). It lives as long as an
 * access token, so the key that signed it stays published while it is valid.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse">OpenID Connect Core 1.0 §12.2</a>
 */
final class IdTokens {
    /** Whether the ID token carries the request's nonce. */
    enum Nonce { INCLUDED, LEFT_OUT }

    private final IdTokenSigner signer;
    private final Subjects subjects;
    private final OAuthPolicy policy;

    IdTokens(IdTokenSigner signer, PairwiseSubjects pairwise, OAuthPolicy policy) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.subjects = new Subjects(pairwise);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** {@code tokens} with an ID token when its scope holds {@code openid}; {@code tokens} unchanged otherwise. */
    TokenResponse addTo(TokenResponse tokens, Grant grant, Client client, Nonce nonce, Instant at) {
        if (!OpenIdScopes.isOpenId(tokens.scope())) {
            return tokens;
        }
        AccountId subject = grant.accountId()
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("An ID token needs an account."));
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        Optional<Authentication> authentication = grant.authentication();
        IdTokenClaims claims = new IdTokenClaims(policy.issuer(), subjects.of(client, subject), grant.clientId(), now,
                now.plus(policy.accessTokenTtl()),
                authentication.map(Authentication::time).map(time -> time.truncatedTo(ChronoUnit.SECONDS)),
                nonce == Nonce.INCLUDED ? authentication.flatMap(Authentication::nonce) : Optional.empty(),
                AccessTokenHash.of(tokens.accessToken()));
        return tokens.withIdToken(signer.sign(claims));
    }
}
