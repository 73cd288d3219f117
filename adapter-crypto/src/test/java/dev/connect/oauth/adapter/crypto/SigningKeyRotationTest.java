package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rotation with overlap on a shared store: a new key is published everywhere before it signs, and
 * a retired key stays published until its last token has expired. {@code REFRESH} is the
 * adapter's reread interval.
 */
class SigningKeyRotationTest {
    private static final Duration TTL = TestClaims.TTL;
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final Duration MILLI = Duration.ofMillis(1);

    private final MutableClock clock = new MutableClock();
    private final SigningKeyRepository repository = InMemoryPorts.create().signingKeys();
    private final SigningKeys node = TestSigningKeys.node(repository, clock);

    @Test
    void rotateWhenDoneThenTokensSignedBeforeStillVerify() throws Exception {
        String before = encode(node);
        clock.advance(Duration.ofMinutes(10));

        String newKid = node.rotate();

        String jwks = node.codec().publicJwkSetJson();
        assertThat(kids(jwks)).containsExactlyInAnyOrder(newKid, ResourceServer.kidOf(before));
        assertThat(ResourceServer.verify(before, jwks).getSubject()).isEqualTo("account-42");
    }

    @Test
    void rotateWhenDoneThenAddsAKeyAndRetiresTheOlderOnes() throws Exception {
        String oldKid = ResourceServer.kidOf(encode(node));
        clock.advance(Duration.ofMinutes(10));

        String newKid = node.rotate();

        assertThat(repository.findAll()).extracting(SigningKey::kid).containsExactly(newKid, oldKid);
        assertThat(repository.findAll()).extracting(SigningKey::retiredAt)
                .containsExactly(Optional.empty(), Optional.of(clock.instant()));
    }

    @Test
    void encodeWhenJustRotatedThenKeepsTheOldKeyUntilEveryNodePublishesTheNewOne() throws Exception {
        String oldKid = ResourceServer.kidOf(encode(node));
        clock.advance(Duration.ofMinutes(10));
        String newKid = node.rotate();

        assertThat(kids(node.codec().publicJwkSetJson())).contains(newKid);
        assertThat(ResourceServer.kidOf(encode(node))).isEqualTo(oldKid);
        clock.advance(REFRESH.minus(MILLI));
        assertThat(ResourceServer.kidOf(encode(node))).isEqualTo(oldKid);
        clock.advance(MILLI);
        assertThat(ResourceServer.kidOf(encode(node))).isEqualTo(newKid);
    }

    @Test
    void publicJwkSetJsonWhenRotatedElsewhereThenThisNodeRereadsTheStoreWithinAMinute() throws Exception {
        SigningKeys otherNode = TestSigningKeys.node(repository, clock);
        String oldKid = ResourceServer.kidOf(encode(node));
        clock.advance(Duration.ofSeconds(30));

        String newKid = otherNode.rotate();

        // This node parsed the keys once and rereads them only when its snapshot is a minute old.
        assertThat(kids(node.codec().publicJwkSetJson())).containsExactly(oldKid);
        clock.advance(Duration.ofSeconds(30));
        assertThat(kids(node.codec().publicJwkSetJson())).containsExactlyInAnyOrder(oldKid, newKid);
        assertThat(ResourceServer.kidOf(encode(node))).isEqualTo(oldKid);
        clock.advance(Duration.ofSeconds(30));
        assertThat(ResourceServer.kidOf(encode(node))).isEqualTo(newKid);
    }

    @Test
    void publicJwkSetJsonWhenTheRetiredKeysLastTokenExpiredThenDropsIt() throws Exception {
        String oldKid = ResourceServer.kidOf(encode(node));
        clock.advance(Duration.ofMinutes(10));
        node.rotate();
        // The retired key signs for one more refresh interval; its last token lives TTL after that.
        clock.advance(REFRESH.minus(MILLI));
        String lastOldToken = encode(node);
        assertThat(ResourceServer.kidOf(lastOldToken)).isEqualTo(oldKid);

        clock.advance(TTL);
        String jwksAtLastExpiry = node.codec().publicJwkSetJson();
        clock.advance(MILLI);
        String jwksAfter = node.codec().publicJwkSetJson();

        assertThat(ResourceServer.verify(lastOldToken, jwksAtLastExpiry).getSubject()).isEqualTo("account-42");
        assertThat(kids(jwksAfter)).doesNotContain(oldKid).hasSize(1);
        assertThatExceptionOfType(BadJOSEException.class)
                .isThrownBy(() -> ResourceServer.verify(lastOldToken, jwksAfter));
    }

    @Test
    void rotateWhenRetiredKeysHaveNoValidTokenLeftThenDeletesThem() throws Exception {
        List<String> kids = threeKeysWithSecondRotationAfter(REFRESH.plus(TTL).plus(MILLI));

        assertThat(repository.findAll()).extracting(SigningKey::kid).containsExactly(kids.get(2), kids.get(1));
        assertThat(kids(node.codec().publicJwkSetJson())).containsExactlyInAnyOrder(kids.get(2), kids.get(1));
    }

    @Test
    void rotateWhenRetiredKeysMayStillHaveValidTokensThenKeepsThem() throws Exception {
        List<String> kids = threeKeysWithSecondRotationAfter(REFRESH.plus(TTL).minus(MILLI));

        assertThat(repository.findAll()).extracting(SigningKey::kid).containsExactlyElementsOf(kids.reversed());
        assertThat(kids(node.codec().publicJwkSetJson())).containsExactlyInAnyOrderElementsOf(kids);
    }

    @Test
    void rotateWhenStoreEmptyThenAddsTheFirstKeyOnly() throws Exception {
        String kid = node.rotate();

        assertThat(repository.findAll()).extracting(SigningKey::kid).containsExactly(kid);
        assertThat(ResourceServer.kidOf(encode(node))).isEqualTo(kid);
    }

    @Test
    void rotateWhenClockHasSubMillisecondsThenDoesNotRetireTheKeyItAdded() throws Exception {
        encode(node);
        clock.set(clock.instant().plus(Duration.ofMinutes(10)).plusNanos(123_456));

        String kid = node.rotate();

        SigningKey added = repository.findAll().getFirst();
        assertThat(added.kid()).isEqualTo(kid);
        assertThat(added.retiredAt()).isEmpty();
        assertThat(added.createdAt()).isEqualTo(Instant.parse("2025-01-15T10:10:00.000Z"));
    }

    /** The kids, oldest first, of a first key, a second one rotated in and a third one rotated in {@code gap} later. */
    private List<String> threeKeysWithSecondRotationAfter(Duration gap) throws Exception {
        String firstKid = ResourceServer.kidOf(encode(node));
        clock.advance(Duration.ofMinutes(10));
        String secondKid = node.rotate();
        clock.advance(gap);
        return List.of(firstKid, secondKid, node.rotate());
    }

    private String encode(SigningKeys keys) {
        return keys.codec().encode(TestClaims.issuedAt(clock.instant(), ScopeSet.EMPTY));
    }

    private static List<String> kids(String jwkSetJson) throws Exception {
        return JWKSet.parse(jwkSetJson).getKeys().stream().map(JWK::getKeyID).toList();
    }
}
