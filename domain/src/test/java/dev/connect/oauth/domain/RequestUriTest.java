package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestUriTest {
    private static final String SECRET = "Zm9vYmFyYmF6cXV4LWZvb2Jhcl9iYXpxdXhmb29iYXI";

    @Test
    void ofThenTheUrnOfRfc9126() {
        assertThat(RequestUri.of(SECRET).value()).isEqualTo("urn:ietf:params:oauth:request_uri:" + SECRET);
    }

    @Test
    void parseWhenOneOfOursThenPresent() {
        assertThat(RequestUri.parse(RequestUri.PREFIX + SECRET)).contains(RequestUri.of(SECRET));
    }

    @Test
    void parseWhenNotOfTheFormThenEmpty() {
        assertThat(RequestUri.parse(null)).isEmpty();
        assertThat(RequestUri.parse("")).isEmpty();
        assertThat(RequestUri.parse(RequestUri.PREFIX)).isEmpty();
        assertThat(RequestUri.parse("https://client.example.org/request.jwt")).isEmpty();
        assertThat(RequestUri.parse(RequestUri.PREFIX + "a b")).isEmpty();
        assertThat(RequestUri.parse(RequestUri.PREFIX + "é")).isEmpty();
        assertThat(RequestUri.parse(RequestUri.PREFIX + "a".repeat(129))).isEmpty();
    }

    @Test
    void constructorWhenMalformedThenInvalidRequest() {
        assertRejected(() -> new RequestUri("urn:example:x"), ErrorCode.INVALID_REQUEST);
    }
}
