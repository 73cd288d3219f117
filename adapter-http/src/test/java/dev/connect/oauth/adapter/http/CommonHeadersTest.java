package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class CommonHeadersTest {
    @Test
    void applyWhenIssuerHttpsThenStrictTransportSecurityForAYear() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        new CommonHeaders("default-src 'none'", "1.8.0", true).apply(headers, "id-1");

        assertThat(headers.get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    @Test
    void applyWhenIssuerHttpThenNoStrictTransportSecurity() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        new CommonHeaders("default-src 'none'", "1.8.0", false).apply(headers, "id-1");

        assertThat(headers.contains("Strict-Transport-Security")).isFalse();
        assertThat(headers.get("X-Frame-Options")).isEqualTo("DENY");
    }
}
