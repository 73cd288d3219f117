package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Mints and stores tokens. An access token is a JWT (RFC 9068: {@code iss} from the policy,
 * {@code aud} the resources it is for (RFC 8707) or else the policy's audience, {@code sub} the
 * account, or the client itself for client credentials), or, for a client that chose
 * {@link AccessTokenFormat#REFERENCE reference} tokens, an opaque 256-bit secret led by the time it
 * was made, which costs no signature; either is kept by its key ({@link TokenKeys}: the time and
 * the hash of its string), with the same details, so every check treats both alike. A refresh
 * token is an opaque 256-bit secret led by its time, kept by its key too. Times are
 * whole seconds, as JWT NumericDates are, so the stored life and the signed one agree. The
 * {@link Minting} of the client binds the access token to the key of the request's DPoP proof
 * ({@code cnf.jkt}), and a public client's refresh token too (RFC 9449 §5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
final class TokenIssuer {
    private final TokenRepository tokens;
    private final AccessTokenCodec codec;
    private final SecretGenerator generator;
    private final TimeOrderedIds ids;
    private final SecretHasher hasher;
    private final OAuthPolicy policy;

    TokenIssuer(TokenRepository tokens, AccessTokenCodec codec, SecretGenerator generator, SecretHasher hasher,
                OAuthPolicy policy) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.ids = new TimeOrderedIds(generator);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * An access token and a refresh token for the code's scopes of its grant (authorization code
     * grant); the access token is for {@code resources} (some of the code's), the refresh token
     * keeps all of the code's.
     */
    TokenResponse withRefreshToken(AuthorizationCode code, ResourceSet resources, Instant at, Minting minting) {
        UnstoredPair pair = unstoredPair(code, resources, at, minting);
        tokens.add(pair.accessToken(), Optional.of(pair.refreshToken()));
        return pair.response();
    }

    /**
     * The pair of {@link #withRefreshToken}, made but not stored: for a caller that stores it in
     * the same step as the code's redemption, and hands out the answer only if that step did.
     */
    UnstoredPair unstoredPair(AuthorizationCode code, ResourceSet resources, Instant at, Minting minting) {
        Pair pair = rootPair(code, resources, seconds(at), minting);
        return new UnstoredPair(pair.access().kept(), pair.refresh().kept(), pair.response());
    }

    /**
     * The first pair of {@code grant}, an account's consent given outside the code flow (the device
     * grant), made but not stored: for a caller that stores it in the same step as its redemption.
     * The family's life starts at the grant's creation.
     */
    UnstoredPair unstoredPair(Grant grant, Instant at, Minting minting) {
        AccountId account = grant.accountId()
                .orElseThrow(() -> new IllegalArgumentException("A grant without an account has no refresh token"));
        Pair pair = rootPair(grant.id(), grant.clientId(), account, grant.scopes(), grant.createdAt(), ResourceSet.NONE,
                ResourceSet.NONE, seconds(at), minting);
        return new UnstoredPair(pair.access().kept(), pair.refresh().kept(), pair.response());
    }

    /**
     * The pair of {@link #withRefreshToken} again, for a retried redemption: stored only if the
     * refresh token the first redemption issued was never used, which it replaces (see
     * {@link TokenRepository#reissue}). Empty, storing nothing, otherwise.
     */
    Optional<TokenResponse> reissueForCode(AuthorizationCode code, ResourceSet resources, Instant at,
                                           Minting minting) {
        Pair pair = rootPair(code, resources, seconds(at), minting);
        return reissue(pair);
    }

    /**
     * An access token alone (client credentials grant, RFC 6749 §4.4.3: no refresh token), stored
     * with {@code grant}, which is new; for {@code resources}.
     */
    TokenResponse accessOnly(Grant grant, ResourceSet resources, Instant at, Minting minting) {
        Instant now = seconds(at);
        Secret<AccessToken> access = mintAccess(grant.id(), grant.clientId(), grant.accountId(), grant.scopes(),
                resources, Optional.empty(), now, minting);
        tokens.addWithGrant(grant, access.kept());
        return response(access, Optional.empty(), now);
    }

    /**
     * Rotation (RFC 6749 §6): a new access token for {@code accessScopes} and {@code accessResources}, and the successor of
     * {@code retiring}, which keeps its scopes and never outlives the grant's maximum lifetime.
     * Empty, storing nothing, when {@code retiring} was retired or revoked meanwhile: another
     * request rotated it first.
     *
     * @param grantCreatedAt when the grant of {@code retiring} was created, where its maximum lifetime counts from
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_grant} when the grant's refresh tokens have reached that maximum
     */
    Optional<TokenResponse> rotate(RefreshToken retiring, ScopeSet accessScopes, ResourceSet accessResources,
                                   Instant grantCreatedAt, Instant at, Minting minting) {
        Pair pair = successorPair(retiring, accessScopes, accessResources, grantCreatedAt, seconds(at), minting);
        if (!tokens.rotate(retiring.id(), pair.issuedAt(), pair.access().kept(), pair.refresh().kept())) {
            return Optional.empty();
        }
        return Optional.of(pair.response());
    }

    /**
     * Rotation of {@code retired} again, for a retried refresh: a new successor that replaces the
     * one the first rotation issued, if that one was never used (see {@link TokenRepository#reissue}).
     * Empty, storing nothing, otherwise.
     */
    Optional<TokenResponse> reissueAfter(RefreshToken retired, ScopeSet accessScopes, ResourceSet accessResources,
                                         Instant grantCreatedAt, Instant at, Minting minting) {
        return reissue(successorPair(retired, accessScopes, accessResources, grantCreatedAt, seconds(at), minting));
    }

    private Optional<TokenResponse> reissue(Pair pair) {
        if (!tokens.reissue(pair.access().kept(), pair.refresh().kept(), pair.issuedAt())) {
            return Optional.empty();
        }
        return Optional.of(pair.response());
    }

    /** The code is issued with its grant, at the grant's creation: the family's life starts there. */
    private Pair rootPair(AuthorizationCode code, ResourceSet accessResources, Instant now, Minting minting) {
        return rootPair(code.grantId(), code.clientId(), code.accountId(), code.scopes(), code.issuedAt(),
                code.resources(), accessResources, now, minting);
    }

    /**
     * The first pair of a family whose life started at {@code familyStart}: the refresh token bound
     * to {@code boundResources}, the access token for {@code accessResources}.
     */
    private Pair rootPair(GrantId grantId, ClientId clientId, AccountId accountId, ScopeSet scopes, Instant familyStart,
                          ResourceSet boundResources, ResourceSet accessResources, Instant now, Minting minting) {
        String refreshValue = newOpaque(now);
        RefreshToken refresh = new RefreshToken(newId(now), keyOf(refreshValue), grantId, clientId,
                Optional.of(accountId), scopes, Optional.empty(), now,
                policy.refreshTokenLifetime().expiresAt(now, familyStart), Optional.empty(), Optional.empty(),
                minting.refreshKey(), boundResources);
        return pairWith(new Secret<>(refreshValue, refresh), scopes, accessResources, now, minting);
    }

    private Pair successorPair(RefreshToken parent, ScopeSet accessScopes, ResourceSet accessResources,
                               Instant grantCreatedAt, Instant now, Minting minting) {
        String successorValue = newOpaque(now);
        RefreshToken successor = parent.successor(newId(now), keyOf(successorValue), now,
                policy.refreshTokenLifetime().expiresAt(now, grantCreatedAt), minting.refreshKey());
        return pairWith(new Secret<>(successorValue, successor), accessScopes, accessResources, now, minting);
    }

    private Pair pairWith(Secret<RefreshToken> refresh, ScopeSet accessScopes, ResourceSet accessResources,
                          Instant now, Minting minting) {
        RefreshToken kept = refresh.kept();
        Secret<AccessToken> access = mintAccess(kept.grantId(), kept.clientId(), kept.accountId(), accessScopes,
                accessResources, Optional.of(kept.id()), now, minting);
        return new Pair(access, refresh, now, response(access, Optional.of(refresh), now));
    }

    private Secret<AccessToken> mintAccess(GrantId grantId, ClientId clientId, Optional<AccountId> accountId,
                                           ScopeSet scopes, ResourceSet resources, Optional<TokenId> refreshId,
                                           Instant now, Minting minting) {
        TokenId jti = newId(now);
        Instant expiresAt = now.plus(policy.accessTokenTtl());
        Optional<JwkThumbprint> key = minting.accessKey();
        String subject = accountId.map(AccountId::value).orElse(clientId.value());
        String value = switch (minting.accessFormat()) {
            case JWT -> codec.encode(new AccessTokenClaims(policy.issuer(), subject, resources.audience(policy.audience()),
                    clientId, scopes, jti, now, expiresAt, key));
            case REFERENCE -> newOpaque(now); // its details are only in the store, found by the key
        };
        return new Secret<>(value, new AccessToken(jti, keyOf(value), grantId, clientId, accountId, scopes,
                refreshId, now, expiresAt, Optional.empty(), key, resources));
    }

    private TokenResponse response(Secret<AccessToken> access, Optional<Secret<RefreshToken>> refresh,
                                   Instant now) {
        return new TokenResponse(access.value(), policy.accessTokenTtl().toSeconds(), access.kept().expiresAt(),
                refresh.map(Secret::value),
                refresh.map(r -> Duration.between(now, r.kept().expiresAt()).toSeconds()),
                access.kept().scopes(), Optional.empty(), access.kept().boundKey());
    }

    /** A new opaque token made at {@code now}: a refresh token, or a reference access token. */
    private String newOpaque(Instant now) {
        return TokenKeys.newOpaque(now, generator, policy.timedTokenKeys());
    }

    /** The key a token issued here is stored by. */
    private SecretHash keyOf(String token) {
        return TokenKeys.ofNew(token, hasher, policy.timedTokenKeys());
    }

    /** Time-ordered, so that the token tables grow at the end of their primary keys. */
    private TokenId newId(Instant now) {
        return new TokenId(ids.next(now));
    }

    private static Instant seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * How a client's new tokens are made: its access token in the format it chose, bound to the key
     * of the request's DPoP proof; the refresh token bound too when the client is public, since a
     * confidential client's refresh token is bound to its authentication already (RFC 9449 §5).
     */
    record Minting(AccessTokenFormat accessFormat, Optional<JwkThumbprint> accessKey,
                   Optional<JwkThumbprint> refreshKey) {
        Minting {
            Objects.requireNonNull(accessFormat, "accessFormat");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(refreshKey, "refreshKey");
        }

        /** The minting for {@code client} presenting a proof of {@code proofKey} (or none). */
        static Minting of(Optional<JwkThumbprint> proofKey, Client client) {
            return new Minting(client.accessTokenFormat(), proofKey, client.isPublic() ? proofKey : Optional.empty());
        }
    }

    /** A token's value, handed out once, beside what the server keeps of it. */
    private record Secret<T>(String value, T kept) {
    }

    /** The tokens to store for an answer, and the answer, handed out only once they are stored. */
    record UnstoredPair(AccessToken accessToken, RefreshToken refreshToken, TokenResponse response) {
    }

    /** An access token and the refresh token issued with it, and the answer that hands both out. */
    private record Pair(Secret<AccessToken> access, Secret<RefreshToken> refresh, Instant issuedAt,
                        TokenResponse response) {
    }
}
