package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwkThumbprintTest {
    /** RFC 7638 §3.1's example thumbprint. */
    private static final String EXAMPLE = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    @Test
    void parseWhenBase64urlOfSha256ThenThumbprint() {
        assertThat(JwkThumbprint.parse(EXAMPLE)).contains(new JwkThumbprint(EXAMPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs=",
            "NzbLsXh8uDCcd+6MNwXF4W/7noWXFZAfHkxZsRGC9Xs", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xt"})
    void parseWhenNotASha256DigestThenEmpty(String value) {
        assertThat(JwkThumbprint.parse(value)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new JwkThumbprint(value));
    }
}
