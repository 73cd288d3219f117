package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.connect.oauth.domain.JwkThumbprint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusAccessTokenCodecTest {
    private static final Duration TTL = TestClaims.TTL;

    private final MutableClock clock = new MutableClock();
    private final SigningKeyRepository repository = InMemoryPorts.create().signingKeys();
    private final AccessTokenCodec codec = TestSigningKeys.node(repository, clock).codec();

    @Test
    void encodeWhenStoreEmptyThenAddsOneEs256KeyAndSignsWithIt() throws Exception {
        String token = codec.encode(claims(ScopeSet.EMPTY));

        assertThat(repository.findAll()).singleElement().satisfies(key -> {
            assertThat(key.algorithm()).isEqualTo("ES256");
            assertThat(key.createdAt()).isEqualTo(clock.instant());
            assertThat(key.retiredAt()).isEmpty();
            assertThat(ResourceServer.kidOf(token)).isEqualTo(key.kid());
        });
    }

    @Test
    void encodeWhenSignedThenHeaderIsAtJwtEs256WithKid() throws Exception {
        JWSHeader header = SignedJWT.parse(codec.encode(claims(ScopeSet.EMPTY))).getHeader();

        assertThat(header.getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getKeyID()).isEqualTo(repository.findAll().getFirst().kid());
    }

    @Test
    void encodeWhenVerifiedWithThePublishedSetThenCarriesEveryRfc9068Claim() throws Exception {
        AccessTokenClaims claims = claims(ScopeSet.parse("triggers connect"));

        JWTClaimsSet verified = ResourceServer.verify(codec.encode(claims), codec.publicJwkSetJson());

        assertThat(verified.getIssuer()).isEqualTo(TestClaims.ISSUER);
        assertThat(verified.getSubject()).isEqualTo("account-42");
        assertThat(verified.getAudience()).containsExactly(TestClaims.AUDIENCE);
        assertThat(verified.getStringClaim("client_id")).isEqualTo("client-7");
        assertThat(verified.getStringClaim("scope")).isEqualTo("connect triggers");
        assertThat(verified.getJWTID()).isEqualTo(claims.jti().value());
        assertThat(verified.getIssueTime()).isEqualTo(Date.from(claims.issuedAt()));
        assertThat(verified.getExpirationTime()).isEqualTo(Date.from(claims.expiresAt()));
        assertThat(verified.getClaims()).containsOnlyKeys("iss", "sub", "aud", "client_id", "scope", "jti", "iat", "exp");
    }

    /** RFC 9449 §6.1: a DPoP-bound token names its key as {@code cnf.jkt}; a bearer token has no {@code cnf}. */
    /** The store's key of a token is read from the payload's start (AccessTokenCodec#encode). */
    @Test
    void encodeThenThePayloadStartsWithTheJti() {
        AccessTokenClaims claims = claims(ScopeSet.parse("connect"));

        String payload = codec.encode(claims).split("\\.")[1];

        assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .startsWith("{\"jti\":\"" + claims.jti().value() + "\",");
    }

    @Test
    void encodeWhenBoundToADpopKeyThenCnfJkt() throws Exception {
        AccessTokenClaims bearer = claims(ScopeSet.EMPTY);
        JwkThumbprint key = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        AccessTokenClaims bound = new AccessTokenClaims(bearer.issuer(), bearer.subject(), bearer.audience(),
                bearer.clientId(), bearer.scopes(), bearer.jti(), bearer.issuedAt(), bearer.expiresAt(), Optional.of(key));

        JWTClaimsSet verified = ResourceServer.verify(codec.encode(bound), codec.publicJwkSetJson());

        assertThat(verified.getJSONObjectClaim("cnf")).containsEntry("jkt", key.value());
        assertThat(ResourceServer.verify(codec.encode(bearer), codec.publicJwkSetJson()).getClaim("cnf")).isNull();
    }

    @Test
    void encodeWhenNoScopeThenLeavesTheScopeClaimOut() throws Exception {
        JWTClaimsSet verified = ResourceServer.verify(codec.encode(claims(ScopeSet.EMPTY)), codec.publicJwkSetJson());

        assertThat(verified.getClaims()).doesNotContainKey("scope");
    }

    @Test
    void encodeWhenSameClaimsTwiceThenBothVerify() throws Exception {
        AccessTokenClaims claims = claims(ScopeSet.EMPTY);
        String jwks = codec.publicJwkSetJson();

        // ECDSA signatures are randomised, so equal claims still make distinct tokens.
        String first = codec.encode(claims);
        String second = codec.encode(claims);

        assertThat(first).isNotEqualTo(second);
        assertThat(ResourceServer.verify(first, jwks).getJWTID()).isEqualTo(claims.jti().value());
        assertThat(ResourceServer.verify(second, jwks).getJWTID()).isEqualTo(claims.jti().value());
    }

    @Test
    void publicJwkSetJsonWhenPublishedThenHoldsOnlyPublicMembers() throws Exception {
        codec.encode(claims(ScopeSet.EMPTY));
        String json = codec.publicJwkSetJson();

        assertThat(JWKSet.parse(json).containsNonPublicKeys()).isFalse();
        assertThat(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(json), "keys")).singleElement()
                .satisfies(key -> assertThat(key)
                        .containsOnlyKeys("kty", "crv", "x", "y", "kid", "use", "alg")
                        .containsEntry("kty", "EC")
                        .containsEntry("crv", "P-256")
                        .containsEntry("use", "sig")
                        .containsEntry("alg", "ES256")
                        .containsEntry("kid", repository.findAll().getFirst().kid()));
    }

    @Test
    void publicJwkSetJsonWhenCalledFirstThenAlsoMakesTheFirstKey() throws Exception {
        assertThat(JWKSet.parse(codec.publicJwkSetJson()).getKeys()).singleElement()
                .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(repository.findAll().getFirst().kid()));
    }

    @Test
    void encodeWhenAnotherNodeSharesTheStoreThenItSignsWithTheSameKey() throws Exception {
        String fromFirst = codec.encode(claims(ScopeSet.EMPTY));
        AccessTokenCodec secondNode = TestSigningKeys.node(repository, clock).codec();

        String fromSecond = secondNode.encode(claims(ScopeSet.EMPTY));

        assertThat(repository.findAll()).hasSize(1);
        assertThat(ResourceServer.kidOf(fromSecond)).isEqualTo(ResourceServer.kidOf(fromFirst));
        assertThat(ResourceServer.verify(fromSecond, codec.publicJwkSetJson()).getSubject()).isEqualTo("account-42");
        assertThat(ResourceServer.verify(fromFirst, secondNode.publicJwkSetJson()).getSubject()).isEqualTo("account-42");
    }

    @Test
    void encodeWhenTwoNodesAddedAKeyEachThenBothArePublishedAndTheNewerSigns() throws Exception {
        // Two nodes starting together on an empty store each add a key; this node saw only its own.
        String early = codec.encode(claims(ScopeSet.EMPTY));
        ECKey racer = TestSigningKeys.p256();
        repository.add(TestSigningKeys.stored(racer, clock.instant().plusMillis(1), Optional.empty()));

        // A minute on, this node has reread the store; a millisecond later the racer's key is a minute old too.
        clock.advance(Duration.ofSeconds(60));
        String jwks = codec.publicJwkSetJson();
        String stillEarly = codec.encode(claims(ScopeSet.EMPTY));
        clock.advance(Duration.ofMillis(1));
        String late = codec.encode(claims(ScopeSet.EMPTY));

        assertThat(JWKSet.parse(jwks).getKeys()).hasSize(2);
        assertThat(ResourceServer.verify(early, jwks).getSubject()).isEqualTo("account-42");
        assertThat(ResourceServer.kidOf(stillEarly)).isEqualTo(ResourceServer.kidOf(early));
        assertThat(ResourceServer.kidOf(late)).isEqualTo(racer.getKeyID());
        assertThat(ResourceServer.verify(late, jwks).getSubject()).isEqualTo("account-42");
    }

    @Test
    void encodeWhenEveryStoredKeyIsRetiredThenAddsAFreshOneAndSignsWithIt() throws Exception {
        Instant longAgo = clock.instant().minus(Duration.ofDays(2));
        SigningKey retired = TestSigningKeys.stored(TestSigningKeys.p256(), longAgo, Optional.of(longAgo.plusSeconds(1)));
        repository.add(retired);

        String token = codec.encode(claims(ScopeSet.EMPTY));

        assertThat(repository.findAll()).hasSize(2);
        assertThat(ResourceServer.kidOf(token)).isNotEqualTo(retired.kid()).isEqualTo(repository.findAll().getFirst().kid());
        assertThat(JWKSet.parse(codec.publicJwkSetJson()).getKeyByKeyId(retired.kid())).isNull();
    }

    @Test
    void encodeWhenStoredKeyIsPublicOnlyThenFailsNamingTheKey() throws Exception {
        ECKey key = TestSigningKeys.p256();
        repository.add(new SigningKey(key.getKeyID(), "ES256", key.toPublicJWK().toJSONString(), clock.instant(),
                Optional.empty()));

        assertThatIllegalStateException().isThrownBy(() -> codec.encode(claims(ScopeSet.EMPTY)))
                .withMessage("Signing key " + key.getKeyID() + " cannot sign ES256");
    }

    @Test
    void encodeWhenStoredKeyIsNotJsonThenFailsWithoutQuotingIt() {
        repository.add(new SigningKey("broken", "ES256", "{\"d\":\"secret-material\"", clock.instant(), Optional.empty()));

        assertThatIllegalStateException().isThrownBy(() -> codec.encode(claims(ScopeSet.EMPTY)))
                .withMessage("Signing key broken is not a JWK")
                .withNoCause();
    }

    @Test
    void encodeWhenStoredKidDiffersFromTheJwkKidThenFails() throws Exception {
        ECKey key = TestSigningKeys.p256();
        repository.add(new SigningKey("other-kid", "ES256", key.toJSONString(), clock.instant(), Optional.empty()));

        assertThatIllegalStateException().isThrownBy(() -> codec.encode(claims(ScopeSet.EMPTY)))
                .withMessage("Signing key other-kid holds a JWK with another kid");
    }

    @Test
    void encodeWhenStoredAlgorithmDoesNotFitTheKeyThenFails() throws Exception {
        ECKey key = TestSigningKeys.p256();
        repository.add(new SigningKey(key.getKeyID(), "RS256", key.toJSONString(), clock.instant(), Optional.empty()));

        assertThatIllegalStateException().isThrownBy(() -> codec.encode(claims(ScopeSet.EMPTY)))
                .withMessage("Signing key " + key.getKeyID() + " cannot sign RS256");
    }

    @Test
    void encodeWhenManyThreadsStartOnAnEmptyStoreThenOneKeySignsEveryToken() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<String>>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(() -> {
                start.await();
                List<String> tokens = new ArrayList<>();
                for (int n = 0; n < 50; n++) {
                    tokens.add(codec.encode(claims(ScopeSet.EMPTY)));
                }
                return tokens;
            });
        }
        List<String> tokens = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<String>>> results = workers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<List<String>> result : results) {
                tokens.addAll(result.get());
            }
        }

        assertThat(repository.findAll()).hasSize(1);
        String jwks = codec.publicJwkSetJson();
        for (String token : tokens) {
            assertThat(ResourceServer.verify(token, jwks).getStringClaim("client_id")).isEqualTo("client-7");
        }
        assertThat(tokens).hasSize(threads * 50).doesNotHaveDuplicates();
    }

    @Test
    void encodeWhenClaimsNullThenThrows() {
        assertThatNullPointerException().isThrownBy(() -> codec.encode(null)).withMessage("claims");
    }

    @Test
    void signingKeysWhenArgumentsInvalidThenRejected() {
        assertThatNullPointerException().isThrownBy(() -> signingKeys(null, clock, TTL))
                .withMessage("repository");
        assertThatNullPointerException().isThrownBy(() -> signingKeys(repository, null, TTL))
                .withMessage("clock");
        assertThatNullPointerException().isThrownBy(() -> signingKeys(repository, clock, null))
                .withMessage("accessTokenTtl");
        assertThatIllegalArgumentException().isThrownBy(() -> signingKeys(repository, clock, Duration.ZERO))
                .withMessage("accessTokenTtl must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> signingKeys(repository, clock, Duration.ofSeconds(-1)));
    }

    private static SigningKeys signingKeys(SigningKeyRepository repository, Clock clock, Duration ttl) {
        return CryptoAdapter.signingKeys(repository, clock, ttl, TestSigningKeys.KEK, Optional.empty());
    }

    private AccessTokenClaims claims(ScopeSet scopes) {
        return TestClaims.issuedAt(clock.instant(), scopes);
    }
}
