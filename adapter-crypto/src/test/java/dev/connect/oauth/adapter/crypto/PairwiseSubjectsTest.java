package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.ServerSecretRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Pairwise {@code sub}: HMAC-SHA-256 of sector ‖ 0x00 ‖ account id, under one secret every node shares. */
class PairwiseSubjectsTest {
    private static final String SECRET = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final AccountId ACCOUNT = new AccountId("account-42");

    private final MutableClock clock = new MutableClock();
    private final ServerSecretRepository repository = InMemoryPorts.create().serverSecrets();
    private final KeyEncryptionKey kek = KeyEncryptionKey.generate();

    private PairwiseSubjects node(Optional<PairwiseSecret> configured, KeyEncryptionKey current,
                                  Optional<KeyEncryptionKey> previous) {
        return CryptoAdapter.pairwiseSubjects(configured, repository, clock, current, previous);
    }

    @Test
    void subjectWhenSecretConfiguredThenHmacOfSectorNulAndAccount() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("app.example.com\0account-42".getBytes(StandardCharsets.UTF_8)));

        String sub = node(Optional.of(PairwiseSecret.parse(SECRET)), kek, Optional.empty())
                .subject("app.example.com", ACCOUNT);

        assertThat(sub).isEqualTo(expected).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(repository.find(StoredPairwiseSecret.NAME)).isEmpty();
    }

    @Test
    void subjectWhenOtherSectorOrAccountThenDiffers() {
        PairwiseSubjects subjects = node(Optional.of(PairwiseSecret.parse(SECRET)), kek, Optional.empty());

        assertThat(subjects.subject("a.example.com", ACCOUNT)).isNotEqualTo(subjects.subject("b.example.com", ACCOUNT))
                .isNotEqualTo(subjects.subject("a.example.com", new AccountId("account-43")))
                .isEqualTo(subjects.subject("a.example.com", ACCOUNT));
    }

    @Test
    void subjectWhenNoSecretConfiguredThenOneIsStoredSealedAndEveryNodeAgrees() {
        String first = node(Optional.empty(), kek, Optional.empty()).subject("app.example.com", ACCOUNT);
        String stored = repository.find(StoredPairwiseSecret.NAME).orElseThrow();

        String second = node(Optional.empty(), kek, Optional.empty()).subject("app.example.com", ACCOUNT);

        assertThat(second).isEqualTo(first);
        assertThat(stored).startsWith("A256GCM." + kek.id() + ".");
        assertThat(repository.find(StoredPairwiseSecret.NAME)).contains(stored);
    }

    @Test
    void subjectWhenStoredUnderThePreviousKekThenSameSubAndResealedUnderTheCurrent() {
        String before = node(Optional.empty(), kek, Optional.empty()).subject("app.example.com", ACCOUNT);
        KeyEncryptionKey next = KeyEncryptionKey.generate();

        String after = node(Optional.empty(), next, Optional.of(kek)).subject("app.example.com", ACCOUNT);

        assertThat(after).isEqualTo(before);
        assertThat(repository.find(StoredPairwiseSecret.NAME).orElseThrow()).startsWith("A256GCM." + next.id() + ".");
        assertThat(node(Optional.empty(), next, Optional.empty()).subject("app.example.com", ACCOUNT)).isEqualTo(before);
    }

    @Test
    void checkStoredWhenSealedWithThePreviousKekThenResealedElseNothingDoneAndNoneMade() {
        KeyEncryptionKey next = KeyEncryptionKey.generate();
        assertThat(CryptoAdapter.pairwiseKeys(Optional.empty(), repository, clock, kek, Optional.empty()).checkStored())
                .as("nothing stored yet, none made").isFalse();
        assertThat(repository.find(StoredPairwiseSecret.NAME)).isEmpty();
        node(Optional.empty(), kek, Optional.empty()).subject("app.example.com", ACCOUNT);

        PairwiseKeys rolling = CryptoAdapter.pairwiseKeys(Optional.empty(), repository, clock, next, Optional.of(kek));

        assertThat(rolling.checkStored()).isTrue();
        assertThat(rolling.checkStored()).isFalse();
        assertThat(repository.find(StoredPairwiseSecret.NAME).orElseThrow()).startsWith("A256GCM." + next.id() + ".");
        assertThatExceptionOfType(KeyEncryptionException.class).isThrownBy(() -> CryptoAdapter.pairwiseKeys(
                Optional.empty(), repository, clock, KeyEncryptionKey.generate(), Optional.empty()).checkStored());
    }

    @Test
    void parseWhenShorterThan32BytesOrNotBase64ThenRefusedWithoutQuotingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> PairwiseSecret.parse("c2hvcnQ="))
                .withMessageNotContaining("c2hvcnQ");
        assertThatIllegalArgumentException().isThrownBy(() -> PairwiseSecret.parse("not base64!"))
                .withMessageNotContaining("not base64");
        assertThat(PairwiseSecret.parse(SECRET).toString()).doesNotContain(SECRET);
    }
}
