package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The promise of {@link SigningKeyRepository}: keys newest first, retirement, deletion, resealing. */
public abstract class SigningKeyRepositoryContract extends StoreContract {
    /** A private EC P-256 JWK of the size real keys have (a test value, never used to sign). */
    private static final String PRIVATE_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
            + "\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}";

    private SigningKey key(Instant createdAt, Optional<Instant> retiredAt) {
        return new SigningKey(TestIds.identifier(), "ES256", PRIVATE_JWK, createdAt, retiredAt);
    }

    private SigningKey storedKey(Instant createdAt) {
        SigningKey key = key(createdAt, Optional.empty());
        store.signingKeys().add(key);
        return key;
    }

    @Test
    void findAllWhenAddedThenReturnsEveryField() {
        SigningKey active = key(at(1_001), Optional.empty());
        SigningKey retired = key(at(1), Optional.of(at(2_002)));

        store.signingKeys().add(active);
        store.signingKeys().add(retired);

        assertThat(store.signingKeys().findAll()).containsExactly(active, retired);
    }

    @Test
    void findAllWhenEmptyThenEmpty() {
        assertThat(store.signingKeys().findAll()).isEmpty();
    }

    @Test
    void findAllThenNewestFirst() {
        SigningKey middle = storedKey(at(2_000));
        SigningKey oldest = storedKey(at(1_000));
        SigningKey newest = storedKey(at(3_000));

        assertThat(store.signingKeys().findAll()).containsExactly(newest, middle, oldest);
    }

    @Test
    void retireOlderThanThenRetiresOnlyActiveKeysMadeBefore() {
        SigningKey old = storedKey(at(1_000));
        SigningKey alreadyRetired = key(at(500), Optional.of(at(900)));
        store.signingKeys().add(alreadyRetired);
        SigningKey current = storedKey(at(5_000));

        assertThat(store.signingKeys().retireOlderThan(at(5_000), at(6_000))).isEqualTo(1);

        assertThat(store.signingKeys().findAll()).containsExactly(current,
                new SigningKey(old.kid(), old.algorithm(), old.sealedPrivateKey(), old.createdAt(), Optional.of(at(6_000))),
                alreadyRetired);
        assertThat(store.signingKeys().retireOlderThan(at(5_000), at(7_000))).isZero();
    }

    @Test
    void deleteRetiredBeforeThenDeletesOnlyKeysRetiredBefore() {
        SigningKey longRetired = key(at(0), Optional.of(at(1_000)));
        SigningKey recentlyRetired = key(at(10), Optional.of(at(5_000)));
        store.signingKeys().add(longRetired);
        store.signingKeys().add(recentlyRetired);
        SigningKey active = storedKey(at(20));

        assertThat(store.signingKeys().deleteRetiredBefore(at(5_000))).isEqualTo(1);

        assertThat(store.signingKeys().findAll()).containsExactly(active, recentlyRetired);
        assertThat(store.signingKeys().deleteRetiredBefore(at(5_000))).isZero();
    }

    @Test
    void replaceSealedPrivateKeyWhenStillExpectedThenReplacedKeepingTheRest() {
        SigningKey key = key(at(1_000), Optional.of(at(2_000)));
        store.signingKeys().add(key);

        assertThat(store.signingKeys().replaceSealedPrivateKey(key.kid(), PRIVATE_JWK, "A256GCM.sealed")).isTrue();

        assertThat(store.signingKeys().findAll()).containsExactly(
                new SigningKey(key.kid(), key.algorithm(), "A256GCM.sealed", key.createdAt(), key.retiredAt()));
    }

    @Test
    void replaceSealedPrivateKeyWhenChangedMeanwhileOrUnknownThenFalseAndUntouched() {
        SigningKey key = storedKey(at(1_000));

        assertThat(store.signingKeys().replaceSealedPrivateKey(key.kid(), "A256GCM.other", "A256GCM.sealed")).isFalse();
        assertThat(store.signingKeys().replaceSealedPrivateKey("unknown", PRIVATE_JWK, "A256GCM.sealed")).isFalse();

        assertThat(store.signingKeys().findAll()).containsExactly(key);
    }
}
