package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import dev.connect.oauth.testkit.fake.FakeAccessTokenCodec;
import dev.connect.oauth.testkit.fake.FakeSecretGenerator;
import dev.connect.oauth.testkit.fake.FakeSecretHasher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenKeysTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Comparator<String> BYTES = Comparator.comparing(
            key -> key.getBytes(StandardCharsets.US_ASCII), Arrays::compareUnsigned);

    private final FakeSecretGenerator generator = new FakeSecretGenerator();
    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final TimeOrderedIds ids = new TimeOrderedIds(generator);

    @Test
    void newOpaqueThenTheTimeAnd256RandomBits() {
        String token = TokenKeys.newOpaque(AT, generator, true);

        assertThat(token).hasSize(8 + 43).matches("[A-Za-z0-9_-]+").startsWith(TimeOrderedIds.time(AT));
    }

    @Test
    void ofWhenOpaqueThenItsTimeAndTheFirst56HexDigitsOfItsHash() {
        String token = TokenKeys.newOpaque(AT, generator, true);

        SecretHash key = TokenKeys.of(token, hasher);

        assertThat(key.hex()).isEqualTo(TimeOrderedIds.time(AT) + hasher.hash(token).hex().substring(0, 56));
    }

    @Test
    void ofWhenJwtWhosePayloadStartsWithTheJtiThenItsTime() {
        String token = jwt(AT);

        assertThat(TokenKeys.of(token, hasher).hex())
                .isEqualTo(TimeOrderedIds.time(AT) + hasher.hash(token).hex().substring(0, 56));
    }

    @Test
    void ofWhenMadeLaterThenSortsLaterByteForByte() {
        List<Instant> times = List.of(AT, AT.plusMillis(1), AT.plusSeconds(1), AT.plusSeconds(3600));

        List<String> opaque = times.stream().map(at -> TokenKeys.of(TokenKeys.newOpaque(at, generator, true), hasher).hex())
                .toList();
        List<String> jwts = times.stream().map(at -> TokenKeys.of(jwt(at), hasher).hex()).toList();

        assertThat(opaque).isSortedAccordingTo(BYTES);
        assertThat(jwts).isSortedAccordingTo(BYTES);
    }

    /** Tokens issued before keys were timed, and anything else, are found by their hash alone. */
    @ParameterizedTest
    @ValueSource(strings = {
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lzc3VlciIsInN1YiI6ImFiYyJ9.c2ln",
        "not.base64!url.at-all-and-long-enough-for-a-payload",
        "a.b",
        "",
        "dBjftJe!4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkabcdefgh"
    })
    void ofWhenNoTimeThenTheHash(String token) {
        assertThat(TokenKeys.of(token, hasher)).isEqualTo(hasher.hash(token));
    }

    @Test
    void ofWhenTimedThenNeverTheHashOfAnotherToken() {
        Stream<String> tokens = Stream.of(TokenKeys.newOpaque(AT, generator, true), jwt(AT));

        assertThat(tokens.map(token -> TokenKeys.of(token, hasher).hex())).allMatch(key -> key.startsWith("-"));
    }

    @Test
    void newOpaqueWhenUntimedThen256RandomBitsAlone() {
        assertThat(TokenKeys.newOpaque(AT, generator, false)).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void ofNewWhenUntimedThenTheBareHashEvenOfAJwtThatStartsWithItsJti() {
        String token = jwt(AT);

        assertThat(TokenKeys.ofNew(token, hasher, false)).isEqualTo(hasher.hash(token));
        assertThat(TokenKeys.ofNew(token, hasher, true)).isEqualTo(TokenKeys.of(token, hasher));
    }

    @Test
    void findWhenKeptByItsTimedKeyThenFoundByItAlone() {
        String token = jwt(AT);
        List<SecretHash> asked = new ArrayList<>();

        Optional<String> found = TokenKeys.find(token, hasher, key -> {
            asked.add(key);
            return key.equals(TokenKeys.of(token, hasher)) ? Optional.of("found") : Optional.empty();
        });

        assertThat(found).contains("found");
        assertThat(asked).containsExactly(TokenKeys.of(token, hasher));
    }

    /** A JWT a node issued while keys were not timed: stored by its bare hash. */
    @Test
    void findWhenKeptByItsBareHashThenFoundByItAfterTheTimedKey() {
        String token = jwt(AT);
        List<SecretHash> asked = new ArrayList<>();

        Optional<String> found = TokenKeys.find(token, hasher, key -> {
            asked.add(key);
            return key.equals(hasher.hash(token)) ? Optional.of("found") : Optional.empty();
        });

        assertThat(found).contains("found");
        assertThat(asked).containsExactly(TokenKeys.of(token, hasher), hasher.hash(token));
    }

    @Test
    void findWhenNoTimeThenOneLookupByTheHash() {
        List<SecretHash> asked = new ArrayList<>();

        assertThat(TokenKeys.find("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", hasher, key -> {
            asked.add(key);
            return Optional.empty();
        })).isEmpty();
        assertThat(asked).containsExactly(hasher.hash("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    private String jwt(Instant at) {
        return new FakeAccessTokenCodec().encode(new AccessTokenClaims("https://issuer", "subject", List.of("aud"),
                ClientId.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16])), ScopeSet.EMPTY,
                new TokenId(ids.next(at)), at, at.plusSeconds(300), Optional.empty()));
    }
}
