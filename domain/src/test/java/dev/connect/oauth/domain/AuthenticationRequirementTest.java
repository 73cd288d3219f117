package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationRequirementTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Optional<Instant> FIVE_MINUTES_AGO = Optional.of(NOW.minus(Duration.ofMinutes(5)));

    private static AuthenticationRequirement parse(String prompt, String maxAge) {
        return AuthenticationRequirement.parse(Optional.ofNullable(prompt), Optional.ofNullable(maxAge));
    }

    @Test
    void parseThenPromptsAndMaxAge() {
        AuthenticationRequirement parsed = parse("login  consent", "300");

        assertThat(parsed.prompts()).containsExactlyInAnyOrder(Prompt.LOGIN, Prompt.CONSENT);
        assertThat(parsed.maxAge()).hasValue(Duration.ofSeconds(300));
        assertThat(parse(null, null)).isEqualTo(AuthenticationRequirement.NONE);
    }

    @Test
    void parseWhenNoneWithAnotherOrUnknownPromptOrBadMaxAgeThenInvalidRequest() {
        assertRejected(() -> parse("none login", null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse("sometimes", null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(null, "-1"), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(null, "soon"), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(null, "1234567890"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void orDefaultMaxAgeWhenRequestHasNoMaxAgeThenTheDefaultElseTheRequests() {
        Optional<Duration> tenMinutes = Optional.of(Duration.ofMinutes(10));

        assertThat(parse("login", null).orDefaultMaxAge(tenMinutes))
                .isEqualTo(new AuthenticationRequirement(Set.of(Prompt.LOGIN), tenMinutes));
        assertThat(parse(null, "3600").orDefaultMaxAge(tenMinutes).maxAge()).hasValue(Duration.ofHours(1));
        assertThat(parse(null, null).orDefaultMaxAge(Optional.empty())).isEqualTo(AuthenticationRequirement.NONE);
    }

    @Test
    void requiresSignInWhenNoSessionThenYes() {
        assertThat(AuthenticationRequirement.NONE.requiresSignIn(Optional.empty(), NOW)).isTrue();
    }

    @Test
    void requiresSignInWhenSessionAndNoPromptOrMaxAgeThenNo() {
        assertThat(AuthenticationRequirement.NONE.requiresSignIn(FIVE_MINUTES_AGO, NOW)).isFalse();
    }

    @Test
    void requiresSignInWhenPromptLoginOrSelectAccountThenYesEvenWithASession() {
        assertThat(parse("login", null).requiresSignIn(FIVE_MINUTES_AGO, NOW)).isTrue();
        assertThat(parse("select_account", null).requiresSignIn(FIVE_MINUTES_AGO, NOW)).isTrue();
    }

    @Test
    void requiresSignInWhenSignInOlderThanMaxAgeThenYesElseNo() {
        assertThat(parse(null, "299").requiresSignIn(FIVE_MINUTES_AGO, NOW)).isTrue();
        assertThat(parse(null, "300").requiresSignIn(FIVE_MINUTES_AGO, NOW)).isFalse();
        assertThat(parse(null, "0").requiresSignIn(Optional.of(NOW), NOW)).isFalse();
        assertThat(parse(null, "0").requiresSignIn(Optional.of(NOW.minusMillis(999)), NOW))
                .as("a sign-in within the same second meets max_age=0").isFalse();
        assertThat(parse(null, "0").requiresSignIn(Optional.of(NOW.minusSeconds(1)), NOW)).isTrue();
    }

    @Test
    void requiresSignInWhenPromptNoneAndSignInNeededThenLoginRequired() {
        assertRejected(() -> parse("none", null).requiresSignIn(Optional.empty(), NOW), ErrorCode.LOGIN_REQUIRED);
        assertRejected(() -> parse("none", "60").requiresSignIn(FIVE_MINUTES_AGO, NOW), ErrorCode.LOGIN_REQUIRED);
        assertThat(parse("none", null).requiresSignIn(FIVE_MINUTES_AGO, NOW)).isFalse();
    }

    @Test
    void requiresConsentThenUnlessGivenBeforeOrPromptConsent() {
        assertThat(AuthenticationRequirement.NONE.requiresConsent(false)).isTrue();
        assertThat(AuthenticationRequirement.NONE.requiresConsent(true)).isFalse();
        assertThat(parse("consent", null).requiresConsent(true)).isTrue();
    }

    @Test
    void requiresConsentWhenPromptNoneAndNotGivenBeforeThenConsentRequired() {
        assertRejected(() -> parse("none", null).requiresConsent(false), ErrorCode.CONSENT_REQUIRED);
        assertThat(parse("none", null).requiresConsent(true)).isFalse();
    }

    @Test
    void promptAfterSignInThenWithoutLoginAndSelectAccount() {
        assertThat(parse("login consent", null).promptAfterSignIn()).hasValue("consent");
        assertThat(parse("select_account", null).promptAfterSignIn()).isEmpty();
        assertThat(new AuthenticationRequirement(Set.of(Prompt.CONSENT), Optional.empty()).promptAfterSignIn())
                .hasValue("consent");
    }
}
