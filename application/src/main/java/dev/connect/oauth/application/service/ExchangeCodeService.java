package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.ExchangeCodeUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.ResourceSet;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=authorization_code}: redeems a code for an access and a refresh token. The
 * store redeems a code at most once, so of any number of concurrent requests one wins; a code
 * presented again is a replay, and the grant it created is revoked with every token issued from it.
 * A code that passes its checks is redeemed and its tokens stored in one write (one transaction),
 * and the answer is given only once that write is committed.
 *
 * <p>One exception keeps a client whose answer was lost (a failure after the commit) from being
 * punished as a replayer: within the policy's retry grace after the redemption, the same client
 * presenting the same code with the same {@code redirect_uri} and a verifier that answers the
 * code's challenge gets a fresh pair, provided the refresh token the first redemption issued was
 * never used; that token is replaced, so of concurrent retries one wins. Without PKCE, only an
 * authenticated confidential client may retry: for a public client the code alone would do.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * <p>When the code's scope holds {@code openid}, the response carries an ID token too.
 *
 * <p>With a DPoP proof the access token is bound to the proof's key, and a public client's refresh
 * token too; a code requested with {@code dpop_jkt} is redeemed only with a proof of that key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect Core 1.0 §3.1.3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-5">RFC 9449 §5, §10</a>
 */
public final class ExchangeCodeService implements ExchangeCodeUseCase {
    private final ClientAuthenticator authenticator;
    private final AuthorizationCodeStore codes;
    private final SecretHasher hasher;
    private final TokenIssuer issuer;
    private final ReplayedGrant replayed;
    private final GrantRepository grants;
    private final IdTokens idTokens;
    private final Clock clock;
    private final OAuthPolicy policy;
    private final DpopProofs proofs;

    @Inject
    public ExchangeCodeService(ClientAuthenticator authenticator, AuthorizationCodeStore codes, GrantRepository grants,
                               TokenRepository tokens, AccessTokenCodec codec, SecretGenerator generator,
                               SecretHasher hasher, AuditLog auditLog, Clock clock, OAuthPolicy policy,
                               IdTokenSigner idTokenSigner, PairwiseSubjects pairwise, DpopProofs proofs) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = new TokenIssuer(tokens, codec, generator, hasher, policy);
        this.replayed = new ReplayedGrant(grants, auditLog);
        this.grants = Objects.requireNonNull(grants, "grants");
        this.idTokens = new IdTokens(idTokenSigner, pairwise, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.proofs = Objects.requireNonNull(proofs, "proofs");
    }

    @Override
    public TokenResponse exchange(ExchangeCodeCommand command) {
        Client client = authenticator.authenticate(command.client());
        GrantTypes.requirePermitted(client, GrantType.AUTHORIZATION_CODE);
        String code = command.code().filter(value -> !value.isEmpty())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("code is required."));
        Optional<JwkThumbprint> proofKey = proofs.verify(command.dpop(), Optional.empty());
        TokenIssuer.Minting minting = TokenIssuer.Minting.of(proofKey, client);
        Instant now = clock.instant();
        SecretHash hash = TokenKeys.of(code, hasher);
        Optional<TokenResponse> issued = codes.find(hash, client.id())
                .filter(stored -> !stored.isRedeemed() && isRedeemable(stored, client, command, proofKey, now))
                .flatMap(stored -> redeemWithTokens(hash, client, stored, resources(stored, command), now, minting));
        if (issued.isPresent()) {
            return issued.get();
        }
        // The code is unknown, redeemed, of a revoked grant, or fails its checks: the redemption
        // on its own says which, and burns a code that fails its checks, as before.
        return switch (codes.redeem(hash, client.id(), now)) {
            // The store redeemed it while the grant stood: the tokens are issued even if a replay
            // revokes the grant meanwhile, and are then dead on arrival, as §4.1.2 wants.
            case Redemption.Redeemed redeemed -> {
                redeemed.code().checkRedemption(client.id(), command.redirectUri(), command.codeVerifier(), proofKey,
                        now);
                yield withIdToken(issuer.withRefreshToken(redeemed.code(), resources(redeemed.code(), command), now,
                        minting), redeemed.code(), client, now);
            }
            case Redemption.AlreadyRedeemed replay -> retried(replay.code(), client, command, proofKey, now)
                    .orElseThrow(() -> replayed.revoke(AuditEventType.CODE_REPLAYED, replay.code().grantId(),
                            replay.code().clientId(), Optional.of(replay.code().accountId()),
                            "The authorization code was already used.", now));
            case Redemption.GrantRevoked revoked -> throw ErrorCode.INVALID_GRANT.exception("The authorization was revoked.");
            case Redemption.Unknown unknown -> throw ErrorCode.INVALID_GRANT.exception("Unknown authorization code.");
        };
    }

    /**
     * The common case in one step: the redemption and the new pair in one write, answered only once
     * it is stored (with its ID token, as every other way of issuing for a code). Empty, having written nothing, when another request redeemed the code first or
     * its grant was revoked meanwhile.
     */
    private Optional<TokenResponse> redeemWithTokens(SecretHash hash, Client client, AuthorizationCode code,
                                                     ResourceSet resources, Instant now,
                                                     TokenIssuer.Minting minting) {
        TokenIssuer.UnstoredPair pair = issuer.unstoredPair(code, resources, now, minting);
        if (!codes.redeemAndStore(hash, client.id(), now, pair.accessToken(), pair.refreshToken())) {
            return Optional.empty();
        }
        return Optional.of(withIdToken(pair.response(), code, client, now));
    }

    private static boolean isRedeemable(AuthorizationCode code, Client client, ExchangeCodeCommand command,
                                        Optional<JwkThumbprint> proofKey, Instant now) {
        try {
            code.checkRedemption(client.id(), command.redirectUri(), command.codeVerifier(), proofKey, now);
            return true;
        } catch (OAuthException failsItsChecks) {
            return false;
        }
    }

    /** A fresh pair when presenting the redeemed {@code code} again is a retry, not a replay. */
    private Optional<TokenResponse> retried(AuthorizationCode code, Client client, ExchangeCodeCommand command,
                                            Optional<JwkThumbprint> proofKey, Instant now) {
        Instant redeemedAt = code.redeemedAt().orElseThrow();
        // The store hands out only codes issued to this client, so the presenter is the code's own.
        boolean mayRetry = policy.withinRetryGrace(redeemedAt, now) && (code.challenge().isPresent() || !client.isPublic());
        if (!mayRetry) {
            return Optional.empty();
        }
        ResourceSet resources;
        try {
            // Checked as of the redemption: the code may have expired since, the retry is of that request.
            code.checkRedemption(client.id(), command.redirectUri(), command.codeVerifier(), proofKey, redeemedAt);
            resources = resources(code, command);
        } catch (OAuthException differentRequest) {
            return Optional.empty();
        }
        return issuer.reissueForCode(code, resources, now, TokenIssuer.Minting.of(proofKey, client))
                .map(tokens -> withIdToken(tokens, code, client, now));
    }

    /**
     * RFC 8707 §2: the access token is for the requested resources, each one bound to the code,
     * else {@code invalid_target}; for all the code's resources when none is requested.
     */
    private static ResourceSet resources(AuthorizationCode code, ExchangeCodeCommand command) {
        return code.resources().narrow(command.resources());
    }

    /** OpenID Connect: the ID token of the code's grant, with the request's nonce (Core §3.1.3.3). */
    private TokenResponse withIdToken(TokenResponse tokens, AuthorizationCode code, Client client, Instant now) {
        if (!OpenIdScopes.isOpenId(tokens.scope())) {
            return tokens;
        }
        Grant grant = grants.findById(code.grantId())
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("Unknown authorization code."));
        return idTokens.addTo(tokens, grant, client, IdTokens.Nonce.INCLUDED, now);
    }
}
