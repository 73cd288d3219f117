package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code X-VERSION} exactly as API.md §1 says (seed 002). */
class VersionNegotiationTest {
    private static final String NOTICE =
            "Version update available. Please adjust your integration to the latest stable version (1.8.0)";

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whenAbsentThenLatestServedWithoutNotice() {
        Reply reply = server.get("/.well-known/oauth-authorization-server");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
        assertThat(reply.header("X-VERSION-NOTICE")).isNull();
    }

    @Test
    void whenLatestThenServedWithoutNotice() {
        Reply reply = server.get("/.well-known/oauth-authorization-server", "X-VERSION", "1.8.0");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
        assertThat(reply.header("X-VERSION-NOTICE")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "1.5.2", "1.7.99"})
    void whenOlderButSupportedThenServedAsThatVersionWithNotice(String version) {
        Reply reply = server.get("/.well-known/oauth-authorization-server", "X-VERSION", version);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-VERSION")).isEqualTo(version);
        assertThat(reply.header("X-VERSION-NOTICE")).isEqualTo(NOTICE);
    }

    @Test
    void whenOlderThanMinimumThen410VersionGone() {
        Reply reply = server.get("/.well-known/oauth-authorization-server", "X-VERSION", "0.9.9");

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().getString("error")).isEqualTo("version_gone");
        assertThat(reply.json().getInteger("code")).isEqualTo(410);
        assertThat(reply.json().getString("error_description")).isNotBlank();
        assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
    }

    @Test
    void whenNewerThanLatestThen400() {
        Reply reply = server.get("/.well-known/oauth-authorization-server", "X-VERSION", "1.10.0");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("bad_request");
        assertThat(reply.json().getInteger("code")).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.8", "1.8.0.0", "v1.8.0", "01.8.0", "1.-1.0", "1.8.0-beta", "99999999999.0.0", ""})
    void whenMalformedThen400(String version) {
        Reply reply = server.get("/health/live", "X-VERSION", version);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("bad_request");
        assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
    }

    @Test
    void whenRepeatedThen400() {
        Reply reply = server.get("/health/live", "X-VERSION", "1.8.0", "X-VERSION", "1.7.0");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void whenConfiguredThenLatestAndMinimumFollowConfiguration() {
        try (TestServer configured = TestServer.start(settings -> settings.versions("2.1.0", "1.5.0"))) {
            assertThat(configured.get("/health/live").header("X-VERSION")).isEqualTo("2.1.0");
            assertThat(configured.get("/health/live", "X-VERSION", "1.4.9").status()).isEqualTo(410);
            assertThat(configured.get("/health/live", "X-VERSION", "1.9.0").header("X-VERSION-NOTICE"))
                    .endsWith("(2.1.0)");
            assertThat(configured.get("/health/live", "X-VERSION", "2.1.1").status()).isEqualTo(400);
        }
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(ApiVersion.parse("1.10.0").orElseThrow()).isGreaterThan(ApiVersion.parse("1.9.0").orElseThrow());
        assertThat(ApiVersion.parse("2.0.0").orElseThrow()).isGreaterThan(ApiVersion.parse("1.99.99").orElseThrow());
    }
}
