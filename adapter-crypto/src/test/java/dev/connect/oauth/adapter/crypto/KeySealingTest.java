package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private signing keys at rest: sealed with the key-encryption key, bound to their row, opened
 * with the current or previous key during a rotation, and refused with a clear message otherwise.
 */
class KeySealingTest {
    private static final KeyEncryptionKey OLD = KeyEncryptionKey.generate();
    private static final KeyEncryptionKey NEW = KeyEncryptionKey.generate();

    private final MutableClock clock = new MutableClock();
    private final SigningKeyRepository repository = InMemoryPorts.create().signingKeys();

    private SigningKeys node(KeyEncryptionKey kek, Optional<KeyEncryptionKey> previous) {
        return CryptoAdapter.signingKeys(repository, clock, TestClaims.TTL, kek, previous);
    }

    private static String sign(SigningKeys keys) {
        return keys.codec().encode(TestClaims.issuedAt(MutableClock.START, ScopeSet.EMPTY));
    }

    @Test
    void storedKeyWhenMadeThenNeitherHoldsThePrivateKeyNorParsesAsAJwk() throws Exception {
        String token = sign(node(OLD, Optional.empty()));

        String stored = repository.findAll().getFirst().sealedPrivateKey();
        assertThat(stored).startsWith("A256GCM." + OLD.id() + ".").doesNotContain("\"d\"").doesNotContain("kty");
        assertThatThrownBy(() -> JWK.parse(stored)).isInstanceOf(ParseException.class);
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        assertThat(stored).doesNotContain(kid);
    }

    @Test
    void checkStoredKeysWhenWrongKekThenRefusedNamingTheKeysNeverTheirValues() {
        sign(node(OLD, Optional.empty()));
        SigningKeys wrong = node(NEW, Optional.empty());

        assertThatThrownBy(wrong::checkStoredKeys).isInstanceOf(KeyEncryptionException.class)
                .hasMessageContaining("sealed with key-encryption key " + OLD.id())
                .hasMessageContaining("this node has " + NEW.id())
                .hasMessageNotContaining(OLD.toString().replace("KeyEncryptionKey", ""));
        assertThatThrownBy(() -> sign(wrong)).isInstanceOf(KeyEncryptionException.class);
    }

    @Test
    void openWhenCiphertextMovedToAnotherRowThenRefused() throws Exception {
        SigningKeys keys = node(OLD, Optional.empty());
        sign(keys);
        SigningKey first = repository.findAll().getFirst();
        clock.advance(Duration.ofMinutes(5));
        keys.rotate();
        SigningKey second = repository.findAll().getFirst();

        repository.replaceSealedPrivateKey(second.kid(), second.sealedPrivateKey(), first.sealedPrivateKey());

        assertThatThrownBy(node(OLD, Optional.empty())::checkStoredKeys).isInstanceOf(KeyEncryptionException.class)
                .hasMessageContaining("Signing key " + second.kid() + " does not open");
    }

    @Test
    void rewrapWhenKekRotatedThenNodesWithBothKeepSigningAndAfterwardsOnlyTheNewOneIsNeeded() throws Exception {
        SigningKeys before = node(OLD, Optional.empty());
        String issuedBefore = sign(before);
        SigningKeys rolling = node(NEW, Optional.of(OLD));

        assertThat(rolling.checkStoredKeys()).isZero();
        String issuedDuring = sign(rolling);
        assertThat(sign(before)).isNotEmpty();
        assertThat(rolling.rewrap()).isEqualTo(1);

        assertThat(repository.findAll()).allSatisfy(key -> assertThat(key.sealedPrivateKey()).contains("." + NEW.id() + "."));
        SigningKeys after = node(NEW, Optional.empty());
        assertThat(after.checkStoredKeys()).isZero();
        assertThat(SignedJWT.parse(sign(after)).getHeader().getKeyID())
                .isEqualTo(SignedJWT.parse(issuedBefore).getHeader().getKeyID())
                .isEqualTo(SignedJWT.parse(issuedDuring).getHeader().getKeyID());
        assertThat(rolling.rewrap()).isZero();
    }

    @Test
    void checkStoredKeysWhenKeysStoredInClearThenSealsThemAndTheyStillSign() throws Exception {
        ECKey legacy = TestSigningKeys.p256();
        repository.add(TestSigningKeys.stored(legacy, MutableClock.START.minus(Duration.ofHours(1)), Optional.empty()));
        SigningKeys keys = node(NEW, Optional.empty());

        assertThat(keys.checkStoredKeys()).isEqualTo(1);

        assertThat(repository.findAll()).singleElement().satisfies(key -> {
            assertThat(key.sealedPrivateKey()).startsWith("A256GCM.").doesNotContain(legacy.getD().toString());
            assertThat(key.kid()).isEqualTo(legacy.getKeyID());
        });
        assertThat(SignedJWT.parse(sign(keys)).getHeader().getKeyID()).isEqualTo(legacy.getKeyID());
        assertThat(keys.checkStoredKeys()).isZero();
    }

    @Test
    void createFileThenOwnerOnlyAndReadBackAsTheSameKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("kek");

        KeyEncryptionKey created = KeyEncryptionKey.createFile(file);

        assertThat(KeyEncryptionKey.readFile(file)).isEqualTo(created);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> KeyEncryptionKey.createFile(file)).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void parseWhenNotBase64Of32BytesThenRefusedWithoutQuotingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyEncryptionKey.parse("c2VjcmV0")).withMessageNotContaining("c2VjcmV0");
        assertThatIllegalArgumentException().isThrownBy(() -> KeyEncryptionKey.parse("not base64!"));
        assertThat(KeyEncryptionKey.parse("A".repeat(43)).toString()).doesNotContain("AAAA");
    }
}
