package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.RefreshTokenUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.RefreshTokenOfGrant;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.ScopeSet;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: rotates a refresh token. The new access token may carry a
 * narrower scope, and be for some of the refresh token's resources only (RFC 8707 §2: others are
 * {@code invalid_target}); the successor refresh token keeps the original scope and resources. A retired token presented
 * again, or a rotation lost to a concurrent one, means two parties hold the token: the whole grant
 * is revoked, the legitimate holder's newest tokens with it.
 *
 * <p>One exception keeps a client whose answer was lost (a failure after the commit) from being
 * punished as a replayer: within the policy's retry grace after the rotation, the same client
 * presenting the retired token again gets a fresh successor, provided the successor the rotation
 * issued was never used; that successor is replaced, so of concurrent retries one wins, and the
 * others, like any presentation after the successor was used or past the grace, are reuse.
 *
 * <p>DPoP (RFC 9449 §5): a refresh token bound to a key (a public client's, issued with a proof)
 * refreshes only with a proof of that key; without one the request is refused and, since whoever
 * sent it cannot use the token anyway, the grant is left alone. The new access token is bound to the
 * key of the request's proof, if any.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-5">RFC 9449 §5</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse">OpenID Connect Core 1.0 §12.2</a>
 */
public final class RefreshTokenService implements RefreshTokenUseCase {
    private static final String REUSED = "The refresh token was already used.";

    private final ClientAuthenticator authenticator;
    private final GrantRepository grants;
    private final TokenRepository tokens;
    private final SecretHasher hasher;
    private final TokenIssuer issuer;
    private final ReplayedGrant replayed;
    private final IdTokens idTokens;
    private final Clock clock;
    private final OAuthPolicy policy;
    private final DpopProofs proofs;

    @Inject
    public RefreshTokenService(ClientAuthenticator authenticator, GrantRepository grants, TokenRepository tokens,
                               AccessTokenCodec codec, SecretGenerator generator, SecretHasher hasher,
                               AuditLog auditLog, Clock clock, OAuthPolicy policy, IdTokenSigner idTokenSigner,
                               PairwiseSubjects pairwise, DpopProofs proofs) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = new TokenIssuer(tokens, codec, generator, hasher, policy);
        this.replayed = new ReplayedGrant(grants, auditLog);
        this.idTokens = new IdTokens(idTokenSigner, pairwise, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.proofs = Objects.requireNonNull(proofs, "proofs");
    }

    @Override
    public TokenResponse refresh(RefreshTokenCommand command) {
        Client client = authenticator.authenticate(command.client());
        GrantTypes.requirePermitted(client, GrantType.REFRESH_TOKEN);
        String presented = command.refreshToken().filter(value -> !value.isEmpty())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("refresh_token is required."));
        Optional<JwkThumbprint> proofKey = proofs.verify(command.dpop(), Optional.empty());
        TokenIssuer.Minting minting = TokenIssuer.Minting.of(proofKey, client);
        Instant now = clock.instant();
        RefreshTokenOfGrant found = tokens.findRefreshTokenWithGrant(TokenKeys.of(presented, hasher))
                .filter(stored -> stored.token().clientId().equals(client.id()))
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("Unknown refresh token."));
        RefreshToken token = found.token();
        token.checkProofKey(proofKey);
        if (token.revokedAt().isPresent()) {
            throw ErrorCode.INVALID_GRANT.exception("The refresh token was revoked.");
        }
        if (token.isRetired()) {
            return retried(found, command, client, now, minting).orElseThrow(() -> reused(token, now));
        }
        if (!token.isActive(now)) {
            throw ErrorCode.INVALID_GRANT.exception("The refresh token has expired.");
        }
        ScopeSet scopes = narrowedScopes(command.scope(), token);
        ResourceSet resources = token.resources().narrow(command.resources());
        return issuer.rotate(token, scopes, resources, found.grantCreatedAt(), now, minting)
                .map(tokens -> withIdToken(tokens, token, client, now))
                .orElseThrow(() -> reused(token, now));
    }

    /**
     * Core §12.2: an OpenID Connect family's new pair carries a new ID token, with the family's
     * authentication; only then is the grant read (a plain OAuth refresh needs one read fewer).
     */
    private TokenResponse withIdToken(TokenResponse tokens, RefreshToken token, Client client, Instant now) {
        if (!OpenIdScopes.isOpenId(tokens.scope())) {
            return tokens;
        }
        Grant grant = grants.findById(token.grantId())
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("Unknown refresh token."));
        return idTokens.addTo(tokens, grant, client, IdTokens.Nonce.LEFT_OUT, now);
    }

    /** A fresh successor when presenting the retired {@code token} again is a retry, not reuse. */
    private Optional<TokenResponse> retried(RefreshTokenOfGrant found, RefreshTokenCommand command, Client client,
                                            Instant now, TokenIssuer.Minting minting) {
        RefreshToken token = found.token();
        if (!policy.withinRetryGrace(token.retiredAt().orElseThrow(), now)) {
            return Optional.empty();
        }
        ScopeSet scopes;
        ResourceSet resources;
        try {
            scopes = narrowedScopes(command.scope(), token);
            resources = token.resources().narrow(command.resources());
        } catch (OAuthException notTheSameRequest) {
            return Optional.empty();
        }
        return issuer.reissueAfter(token, scopes, resources, found.grantCreatedAt(), now, minting)
                .map(tokens -> withIdToken(tokens, token, client, now));
    }

    private OAuthException reused(RefreshToken token, Instant now) {
        return replayed.revoke(AuditEventType.REFRESH_TOKEN_REUSED, token.grantId(), token.clientId(), token.accountId(),
                REUSED, now);
    }

    /** RFC 6749 §6: the requested scope must not include any scope not originally granted. */
    private static ScopeSet narrowedScopes(Optional<String> requested, RefreshToken token) {
        try {
            return ScopeSet.resolve(requested, token.scopes(), token.scopes());
        } catch (OAuthException outside) {
            throw ErrorCode.INVALID_SCOPE.exception("scope must be within the scope originally granted: "
                    + token.scopes() + ".");
        }
    }
}
