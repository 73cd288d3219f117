package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private static final Instant SIGNED_IN = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void constructorWhenNonceWithinBoundsThenKept() {
        assertThat(new Authentication(SIGNED_IN, Optional.of("n".repeat(512))).nonce()).hasValue("n".repeat(512));
        assertThat(new Authentication(SIGNED_IN, Optional.empty()).nonce()).isEmpty();
    }

    @Test
    void constructorWhenNonceEmptyOrTooLongThenInvalidRequest() {
        assertRejected(() -> new Authentication(SIGNED_IN, Optional.of("")), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> new Authentication(SIGNED_IN, Optional.of("n".repeat(513))), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> new Authentication(null, Optional.empty())).withMessage("time");
        assertThatNullPointerException().isThrownBy(() -> new Authentication(SIGNED_IN, null)).withMessage("nonce");
    }

    @Test
    void grantWithAuthenticationThenKeepsEverythingElse() {
        Grant grant = Grant.of(new GrantId("g-1"), new ClientId("c-1"), Optional.of(new AccountId("a-1")),
                ScopeSet.parse("openid"), SIGNED_IN);
        Authentication by = new Authentication(SIGNED_IN, Optional.of("n-1"));

        Grant authenticated = grant.withAuthentication(by);

        assertThat(grant.authentication()).isEmpty();
        assertThat(authenticated.authentication()).hasValue(by);
        assertThat(authenticated).usingRecursiveComparison().ignoringFields("authentication").isEqualTo(grant);
    }
}
