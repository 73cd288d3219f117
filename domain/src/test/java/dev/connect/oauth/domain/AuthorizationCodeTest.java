package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationCodeTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String REDIRECT = "https://app.example.com/cb";
    private static final ClientId CLIENT = new ClientId("client-1");
    private static final SecretHash HASH = new SecretHash("c".repeat(64));

    private static AuthorizationCode issue(Optional<PkceChallenge> challenge, Duration ttl) {
        return AuthorizationCode.issue(HASH, new GrantId("grant-1"), CLIENT, new AccountId("account-1"),
                RedirectUri.parse(REDIRECT), ScopeSet.parse("connect"), challenge, NOW, ttl);
    }

    private static AuthorizationCode withPkce() {
        return issue(Optional.of(PkceChallenge.parse(CHALLENGE, Optional.of("S256"))), AuthorizationCode.DEFAULT_TTL);
    }

    private static AuthorizationCode withoutPkce() {
        return issue(Optional.empty(), AuthorizationCode.DEFAULT_TTL);
    }

    @Test
    void issueThenUnredeemedAndLivingTheTtl() {
        AuthorizationCode code = withPkce();

        assertThat(code.isRedeemed()).isFalse();
        assertThat(code.issuedAt()).isEqualTo(NOW);
        assertThat(code.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void issueWhenTtlIsTenMinutesThenAcceptedAndLongerRefused() {
        assertThat(issue(Optional.empty(), Duration.ofMinutes(10)).expiresAt()).isEqualTo(NOW.plusSeconds(600));
        assertThatIllegalArgumentException().isThrownBy(() -> issue(Optional.empty(), Duration.ofMinutes(10).plusMillis(1)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void issueWhenTtlNotPositiveThenRefused(long millis) {
        assertThatIllegalArgumentException().isThrownBy(() -> issue(Optional.empty(), Duration.ofMillis(millis)));
    }

    @Test
    void isExpiredThenFromTheExpiryInstantOn() {
        AuthorizationCode code = withPkce();

        assertThat(code.isExpired(code.expiresAt().minusMillis(1))).isFalse();
        assertThat(code.isExpired(code.expiresAt())).isTrue();
        assertThat(code.isExpired(code.expiresAt().plusSeconds(1))).isTrue();
    }

    @Test
    void redeemThenMarkedRedeemedAndOtherwiseUnchanged() {
        AuthorizationCode code = withPkce();

        AuthorizationCode redeemed = code.redeem(NOW.plusSeconds(5));

        assertThat(redeemed.redeemedAt()).contains(NOW.plusSeconds(5));
        assertThat(redeemed.isRedeemed()).isTrue();
        assertThat(code.isRedeemed()).isFalse();
        assertThat(redeemed).usingRecursiveComparison().ignoringFields("redeemedAt").isEqualTo(code);
    }

    @Test
    void redeemWhenRedeemedBeforeThenInvalidGrant() {
        AuthorizationCode redeemed = withPkce().redeem(NOW.plusSeconds(5));

        assertRejected(() -> redeemed.redeem(NOW.plusSeconds(6)), ErrorCode.INVALID_GRANT);
    }

    @Test
    void checkRedemptionWhenEveryBindingHoldsThenPasses() {
        withPkce().checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.of(VERIFIER), NOW.plusSeconds(59));
        withoutPkce().checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), NOW);
    }

    @Test
    void checkRedemptionWhenAnotherClientThenInvalidGrant() {
        assertRejected(() -> withPkce().checkRedemption(new ClientId("client-2"), Optional.of(REDIRECT), Optional.of(VERIFIER), NOW),
                ErrorCode.INVALID_GRANT);
    }

    @Test
    void checkRedemptionWhenExpiredThenInvalidGrant() {
        AuthorizationCode code = withPkce();

        assertRejected(() -> code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.of(VERIFIER), code.expiresAt()), ErrorCode.INVALID_GRANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/cb/", "https://app.example.com/cb?x=1", "https://APP.example.com/cb", ""})
    void checkRedemptionWhenRedirectUriDiffersThenInvalidGrant(String presented) {
        assertRejected(() -> withPkce().checkRedemption(CLIENT, Optional.of(presented), Optional.of(VERIFIER), NOW), ErrorCode.INVALID_GRANT);
    }

    @Test
    void checkRedemptionWhenRedirectUriAbsentThenInvalidGrant() {
        assertRejected(() -> withPkce().checkRedemption(CLIENT, Optional.empty(), Optional.of(VERIFIER), NOW), ErrorCode.INVALID_GRANT);
    }

    @Test
    void checkRedemptionWhenChallengeButNoVerifierThenInvalidGrant() {
        assertRejected(() -> withPkce().checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), NOW), ErrorCode.INVALID_GRANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {CHALLENGE, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK", "short", ""})
    void checkRedemptionWhenWrongVerifierThenInvalidGrant(String verifier) {
        assertRejected(() -> withPkce().checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.of(verifier), NOW), ErrorCode.INVALID_GRANT);
    }

    @Test
    void checkRedemptionWhenVerifierButNoChallengeThenInvalidGrant() {
        assertRejected(() -> withoutPkce().checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.of(VERIFIER), NOW), ErrorCode.INVALID_GRANT);
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> AuthorizationCode.issue(null, new GrantId("g"), CLIENT,
                new AccountId("a"), RedirectUri.parse(REDIRECT), ScopeSet.EMPTY, Optional.empty(), NOW,
                Duration.ofSeconds(1))).withMessage("hash");
        assertThatNullPointerException().isThrownBy(() -> AuthorizationCode.issue(HASH, new GrantId("g"), CLIENT,
                new AccountId("a"), RedirectUri.parse(REDIRECT), ScopeSet.EMPTY, null, NOW,
                Duration.ofSeconds(1))).withMessage("challenge");
    }

    @Test
    void checkRedemptionWhenBoundToAKeyThenOnlyAProofOfThatKeyRedeems() {
        JwkThumbprint key = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        JwkThumbprint other = new JwkThumbprint("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I");
        AuthorizationCode code = AuthorizationCode.issue(HASH, new GrantId("grant-1"), CLIENT, new AccountId("account-1"),
                RedirectUri.parse(REDIRECT), ScopeSet.parse("connect"), Optional.empty(), NOW,
                AuthorizationCode.DEFAULT_TTL, Optional.of(key));

        code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), Optional.of(key), NOW);
        assertRejected(() -> code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), Optional.empty(), NOW),
                ErrorCode.INVALID_GRANT);
        assertRejected(() -> code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), Optional.of(other), NOW),
                ErrorCode.INVALID_GRANT);
        assertRejected(() -> code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), NOW),
                ErrorCode.INVALID_GRANT);
        assertThat(code.redeem(NOW).boundKey()).contains(key);
    }

    @Test
    void checkRedemptionWhenUnboundThenAnyProofOrNoneRedeems() {
        JwkThumbprint key = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        AuthorizationCode code = withoutPkce();

        code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), Optional.of(key), NOW);
        code.checkRedemption(CLIENT, Optional.of(REDIRECT), Optional.empty(), Optional.empty(), NOW);
    }
}
