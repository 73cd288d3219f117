package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceChallengeTest {
    /** RFC 7636 Appendix B: the verifier and its S256 challenge. */
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256WhenRfc7636AppendixBVerifierThenItsChallenge() {
        assertThat(PkceChallenge.s256(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
    }

    @Test
    void verifyWhenS256AndRfcVerifierThenTrue() {
        PkceChallenge challenge = PkceChallenge.parse(RFC_CHALLENGE, Optional.of("S256"));

        assertThat(challenge.method()).isEqualTo(PkceMethod.S256);
        assertThat(challenge.verify(RFC_VERIFIER)).isTrue();
    }

    @Test
    void verifyWhenS256AndWrongVerifierThenFalse() {
        PkceChallenge challenge = PkceChallenge.parse(RFC_CHALLENGE, Optional.of("S256"));

        assertThat(challenge.verify(RFC_VERIFIER.replace('d', 'e'))).isFalse();
        assertThat(challenge.verify(RFC_VERIFIER + "A")).isFalse();
    }

    @Test
    void verifyWhenS256AndTheChallengeItselfPresentedThenFalse() {
        PkceChallenge challenge = PkceChallenge.parse(RFC_CHALLENGE, Optional.of("S256"));

        assertThat(challenge.verify(RFC_CHALLENGE)).isFalse();
    }

    @Test
    void verifyWhenPlainThenOnlyTheSameStringAnswers() {
        PkceChallenge challenge = PkceChallenge.parse(RFC_VERIFIER, Optional.of("plain"));

        assertThat(challenge.method()).isEqualTo(PkceMethod.PLAIN);
        assertThat(challenge.verify(RFC_VERIFIER)).isTrue();
        assertThat(challenge.verify(RFC_CHALLENGE)).isFalse();
    }

    @Test
    void parseWhenMethodAbsentThenPlain() {
        assertThat(PkceChallenge.parse(RFC_VERIFIER, Optional.empty()).method()).isEqualTo(PkceMethod.PLAIN);
        assertRejected(() -> PkceChallenge.parse(RFC_VERIFIER, Optional.of("")), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s256", "SHA256", "RS256", "PLAIN", "none"})
    void parseWhenMethodUnknownThenInvalidRequest(String method) {
        assertRejected(() -> PkceChallenge.parse(RFC_CHALLENGE, Optional.of(method)), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(ints = {43, 128})
    void verifyWhenVerifierLengthAtTheBoundsThenAccepted(int length) {
        String verifier = "a".repeat(length);
        PkceChallenge challenge = PkceChallenge.parse(PkceChallenge.s256(verifier), Optional.of("S256"));

        assertThat(PkceChallenge.isWellFormedVerifier(verifier)).isTrue();
        assertThat(challenge.verify(verifier)).isTrue();
        assertThat(PkceChallenge.parse(verifier, Optional.of("plain")).verify(verifier)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42, 129})
    void verifyWhenVerifierLengthOutsideTheBoundsThenFalse(int length) {
        String verifier = "a".repeat(length);
        PkceChallenge challenge = PkceChallenge.parse(PkceChallenge.s256(verifier), Optional.of("S256"));

        assertThat(PkceChallenge.isWellFormedVerifier(verifier)).isFalse();
        assertThat(challenge.verify(verifier)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "+", "/", "=", "%", "é", "\n"})
    void verifyWhenVerifierHasACharacterOutsideTheUnreservedSetThenFalse(String bad) {
        String verifier = RFC_VERIFIER.substring(1) + bad;
        PkceChallenge challenge = PkceChallenge.parse(PkceChallenge.s256(verifier), Optional.of("S256"));

        assertThat(PkceChallenge.isWellFormedVerifier(verifier)).isFalse();
        assertThat(challenge.verify(verifier)).isFalse();
    }

    @Test
    void verifyWhenVerifierUsesEveryUnreservedCharacterThenAccepted() {
        String verifier = "ABCXYZabcxyz0189-._~" + "a".repeat(23);

        assertThat(PkceChallenge.parse(PkceChallenge.s256(verifier), Optional.of("S256")).verify(verifier)).isTrue();
    }

    @Test
    void verifyWhenNullThenFalse() {
        assertThat(PkceChallenge.parse(RFC_CHALLENGE, Optional.of("S256")).verify(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+c=",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM==", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=x"})
    void parseWhenChallengeMalformedThenInvalidRequest(String challenge) {
        assertRejected(() -> PkceChallenge.parse(challenge, Optional.of("S256")), ErrorCode.INVALID_REQUEST);
    }

    /**
     * Seed 002 describes the S256 challenge as "BASE64" of the SHA-256, so clients send standard
     * Base64 too: it is read as the same 32 bytes and kept in the base64url form RFC 7636 §4.2 names.
     */
    @ParameterizedTest
    @ValueSource(strings = {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"})
    void parseWhenS256ChallengeInStandardBase64ThenKeptAsBase64UrlAndVerified(String standard) {
        PkceChallenge challenge = PkceChallenge.parse(standard, Optional.of("S256"));

        assertThat(challenge.challenge()).isEqualTo(RFC_CHALLENGE);
        assertThat(challenge.verify(RFC_VERIFIER)).isTrue();
    }

    @Test
    void parseWhenPlainChallengeInStandardBase64ThenInvalidRequest() {
        assertRejected(() -> PkceChallenge.parse("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=", Optional.of("plain")),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> new PkceChallenge(null, PkceMethod.S256))
                .withMessage("challenge");
        assertThatNullPointerException().isThrownBy(() -> new PkceChallenge(RFC_CHALLENGE, null))
                .withMessage("method");
    }

    @Test
    void wireNameThenAsRfc7636Spells() {
        assertThat(PkceMethod.S256.wireName()).isEqualTo("S256");
        assertThat(PkceMethod.PLAIN.wireName()).isEqualTo("plain");
    }
}
