package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokenHashTest {
    @Test
    void ofWhenTheCoreSpecificationsExampleThenItsAtHash() {
        // OpenID Connect Core 1.0, Appendix A.3: the access token and the at_hash of its ID token.
        assertThat(AccessTokenHash.of("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y")).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void ofThenHalfOfSha256InBase64UrlWithoutPadding() {
        assertThat(AccessTokenHash.of("any.jwt.value")).hasSize(22).matches("[A-Za-z0-9_-]+");
    }
}
