package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.domain.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String B64 = "[A-Za-z0-9+/]";

    private final PasswordHasher hasher = CryptoAdapter.passwordHasher(2);

    @Test
    void hashWhenHashedThenIsAnArgon2idPhcStringWithTheRecommendedCost() {
        PasswordHash hash = hasher.hash(PASSWORD);

        // 16 bytes of salt are 22 unpadded base64 characters, 32 bytes of hash 43.
        assertThat(hash.encoded()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$" + B64 + "{22}\\$" + B64 + "{43}");
    }

    @Test
    void verifyWhenSamePasswordThenTrue() {
        assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD))).isTrue();
    }

    @Test
    void verifyWhenWrongPasswordThenFalse() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void verifyWhenPasswordMissingThenFalse() {
        assertThat(hasher.verify(null, hasher.hash(PASSWORD))).isFalse();
    }

    @Test
    void hashWhenSamePasswordTwiceThenSaltsDiffer() {
        PasswordHash first = hasher.hash(PASSWORD);
        PasswordHash second = hasher.hash(PASSWORD);

        assertThat(saltOf(first)).isNotEqualTo(saltOf(second));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void verifyWhenHashMadeWithAnotherCostThenReadsTheCostFromTheHash() {
        PasswordHash older = new Argon2idPasswordHasher(new Argon2idCost(8_192, 3, 2)).hash(PASSWORD);

        assertThat(older.encoded()).startsWith("$argon2id$v=19$m=8192,t=3,p=2$");
        assertThat(hasher.verify(PASSWORD, older)).isTrue();
        assertThat(hasher.verify("another", older)).isFalse();
    }

    @Test
    void verifyWhenCostInTheHashChangedThenFalse() {
        String encoded = hasher.hash(PASSWORD).encoded();

        assertThat(hasher.verify(PASSWORD, new PasswordHash(encoded.replace("t=2", "t=3")))).isFalse();
        assertThat(hasher.verify(PASSWORD, new PasswordHash(encoded.replace("m=19456", "m=19457")))).isFalse();
    }

    @Test
    void verifyWhenSaltOrHashTamperedThenFalse() {
        String encoded = hasher.hash(PASSWORD).encoded();
        int hashStart = encoded.lastIndexOf('$') + 1;
        int saltStart = encoded.lastIndexOf('$', hashStart - 2) + 1;

        assertThat(hasher.verify(PASSWORD, new PasswordHash(flip(encoded, hashStart)))).isFalse();
        assertThat(hasher.verify(PASSWORD, new PasswordHash(flip(encoded, saltStart)))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not a hash",
        "fake-sha256$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA==",
        "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=4,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2Fsd$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA$x",
    })
    void verifyWhenStoredHashMalformedThenFalse(String encoded) {
        assertThat(hasher.verify(PASSWORD, new PasswordHash(encoded))).isFalse();
    }

    @Test
    void verifyWhenPasswordTypedInAnotherUnicodeFormThenTrue() {
        PasswordHash precomposed = hasher.hash("caf\u00e9");

        assertThat(hasher.verify("cafe\u0301", precomposed)).isTrue();
    }

    @Test
    void costWhenOutOfRangeThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(7, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(262_145, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(19_456, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(19_456, 33, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(19_456, 2, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(19_456, 2, 17));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idCost(63, 2, 8));
    }

    @Test
    void whenArgumentsNullThenThrows() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThatNullPointerException().isThrownBy(() -> hasher.hash(null)).withMessage("password");
        assertThatNullPointerException().isThrownBy(() -> hasher.verify(PASSWORD, null)).withMessage("hash");
        assertThatNullPointerException().isThrownBy(() -> new Argon2idPasswordHasher(null)).withMessage("cost");
    }

    @Test
    void toStringWhenPrintedThenHidesSaltAndHash() {
        String encoded = hasher.hash(PASSWORD).encoded();

        assertThat(Argon2idHash.parse(encoded)).get().hasToString(
                "Argon2idHash[Argon2idCost[memoryKiB=19456, iterations=2, parallelism=1], redacted]");
    }

    private static String saltOf(PasswordHash hash) {
        return hash.encoded().split("\\$")[4];
    }

    /** {@code encoded} with the character at {@code index} replaced by another base64 character. */
    private static String flip(String encoded, int index) {
        char replacement = encoded.charAt(index) == 'A' ? 'B' : 'A';
        return encoded.substring(0, index) + replacement + encoded.substring(index + 1);
    }
}
