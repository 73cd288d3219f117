package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DpopProofTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final JwkThumbprint KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    private static final String URI = "https://id.example.com/oauth/token";
    private static final String TOKEN = "eyJ.access.token";

    private static DpopProof valid() {
        return new DpopProof(Optional.of("dpop+jwt"), "ES256", KEY, false, true, Optional.of("POST"),
                Optional.of(URI), Optional.of(NOW), Optional.of("jti-1"), Optional.empty(), Optional.empty());
    }

    private static DpopProof.Requirements requirements(Optional<String> accessToken) {
        return new DpopProof.Requirements(Set.of("ES256", "RS256"), "POST", URI, accessToken, NOW, WINDOW);
    }

    private static DpopProof.Requirements requirements() {
        return requirements(Optional.empty());
    }

    private static DpopProof with(Optional<String> type, String alg, boolean privateKey, boolean signature,
                                  Optional<String> method, Optional<String> uri, Optional<Instant> iat,
                                  Optional<String> jti, Optional<String> ath) {
        return new DpopProof(type, alg, KEY, privateKey, signature, method, uri, iat, jti, ath, Optional.empty());
    }

    private static void assertInvalid(DpopProof proof, DpopProof.Requirements expected, String because) {
        assertThatThrownBy(() -> proof.check(expected)).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_DPOP_PROOF);
            assertThat(e.description()).contains(because);
        });
    }

    @Test
    void checkWhenEveryRuleHoldsThenReturnsTheJti() {
        assertThat(valid().check(requirements())).isEqualTo("jti-1");
    }

    @Test
    void checkWhenTypMissingThenInvalid() {
        assertInvalid(with(Optional.empty(), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "typ");
    }

    @Test
    void checkWhenTypIsAnotherThenInvalid() {
        assertInvalid(with(Optional.of("JWT"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "typ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none", "ES384", "es256"})
    void checkWhenAlgNotAcceptedThenInvalid(String alg) {
        assertInvalid(with(Optional.of("dpop+jwt"), alg, false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "alg");
    }

    @Test
    void checkWhenJwkCarriesPrivateMembersThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", true, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "public key");
    }

    @Test
    void checkWhenSignatureFailsThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, false, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "signature");
    }

    @Test
    void checkWhenJtiMissingOrEmptyThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.empty(), Optional.empty()), requirements(), "jti");
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of(""), Optional.empty()), requirements(), "jti");
    }

    @Test
    void checkWhenJtiTooLongThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j".repeat(257)), Optional.empty()), requirements(), "jti");
    }

    @Test
    void checkWhenHtmDiffersOrMissingThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("GET"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "htm");
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("post"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "htm");
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.empty(), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "htm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://id.example.com/oauth/refresh", "https://other.example.com/oauth/token",
            "http://id.example.com/oauth/token", "https://id.example.com:8443/oauth/token", "/oauth/token",
            "https://user@id.example.com/oauth/token", "not a uri"})
    void checkWhenHtuIsAnotherTargetThenInvalid(String htu) {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(htu),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "htu");
    }

    @Test
    void checkWhenHtuMissingThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.empty(),
                Optional.of(NOW), Optional.of("j"), Optional.empty()), requirements(), "htu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://id.example.com/oauth/token?x=1", "https://id.example.com/oauth/token#f",
            "HTTPS://ID.Example.COM/oauth/token", "https://id.example.com:443/oauth/token"})
    void checkWhenHtuDiffersOnlyByQueryFragmentCaseOrDefaultPortThenAccepted(String htu) {
        DpopProof proof = with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(htu),
                Optional.of(NOW), Optional.of("j"), Optional.empty());

        assertThat(proof.check(requirements())).isEqualTo("j");
    }

    @Test
    void checkWhenIatOutsideTheWindowThenInvalid() {
        for (Instant iat : new Instant[] {NOW.minusSeconds(61), NOW.plusSeconds(61)}) {
            assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                    Optional.of(iat), Optional.of("j"), Optional.empty()), requirements(), "iat");
        }
    }

    @Test
    void checkWhenIatAtTheWindowsEdgeThenAccepted() {
        for (Instant iat : new Instant[] {NOW.minusSeconds(60), NOW.plusSeconds(60)}) {
            assertThat(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                    Optional.of(iat), Optional.of("j"), Optional.empty()).check(requirements())).isEqualTo("j");
        }
    }

    @Test
    void checkWhenIatMissingThenInvalid() {
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.empty(), Optional.of("j"), Optional.empty()), requirements(), "iat");
    }

    @Test
    void checkWithAccessTokenWhenAthMatchesThenAccepted() {
        DpopProof proof = with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.of(DpopProof.accessTokenHash(TOKEN)));

        assertThat(proof.check(requirements(Optional.of(TOKEN)))).isEqualTo("j");
    }

    @Test
    void checkWithAccessTokenWhenAthMissingOrWrongThenInvalid() {
        assertInvalid(valid(), requirements(Optional.of(TOKEN)), "ath");
        assertInvalid(with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"), Optional.of(URI),
                Optional.of(NOW), Optional.of("j"), Optional.of(DpopProof.accessTokenHash("another"))),
                requirements(Optional.of(TOKEN)), "ath");
    }

    @Test
    void accessTokenHashIsBase64urlOfSha256() {
        // RFC 9449 §7.1 example: the token and its ath.
        assertThat(DpopProof.accessTokenHash("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"))
                .isEqualTo("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
    }

    @Test
    void acceptableUntilIsIatPlusWindow() {
        assertThat(valid().acceptableUntil(WINDOW)).isEqualTo(NOW.plus(WINDOW));
        assertRejected(() -> with(Optional.of("dpop+jwt"), "ES256", false, true, Optional.of("POST"),
                Optional.of(URI), Optional.empty(), Optional.of("j"), Optional.empty()).acceptableUntil(WINDOW),
                ErrorCode.INVALID_DPOP_PROOF);
    }
}
