package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {
    private static final String REGISTERED = "https://app.example.com/oauth/callback?tenant=7";

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com/cb",
        "https://app.example.com:8443/cb?x=1&y=2",
        "http://localhost:8080/cb",
        "http://127.0.0.1:51004/cb",
        "http://[::1]:8080/cb",
        "HTTPS://app.example.com/cb"
    })
    void parseWhenHttpsOrLoopbackHttpThenAccepted(String value) {
        assertThat(RedirectUri.parse(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://app.example.com/cb",
        "http://192.168.1.10/cb",
        "http://localhost.example.com/cb",
        "ftp://app.example.com/cb",
        "javascript:alert(1)",
        "com.example.app:/cb"
    })
    void parseWhenNotHttpsNorLoopbackHttpThenInvalidRequest(String value) {
        assertRejected(() -> RedirectUri.parse(value), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/cb#frag", "https://app.example.com/cb#"})
    void parseWhenFragmentThenInvalidRequest(String value) {
        assertRejected(() -> RedirectUri.parse(value), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cb", "cb", "//app.example.com/cb", "https:///cb"})
    void parseWhenRelativeOrWithoutHostThenInvalidRequest(String value) {
        assertRejected(() -> RedirectUri.parse(value), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user@app.example.com/cb", "https://user:pw@app.example.com/cb"})
    void parseWhenUserInfoThenInvalidRequest(String value) {
        assertRejected(() -> RedirectUri.parse(value), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://app.example.com/a b", "https://app.example.com/%zz"})
    void parseWhenEmptyOrNotAUriThenInvalidRequest(String value) {
        assertRejected(() -> RedirectUri.parse(value), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void parseWhenLongerThan2000CharactersThenInvalidRequest() {
        String base = "https://app.example.com/";

        assertThat(RedirectUri.parse(base + "a".repeat(2000 - base.length())).value()).hasSize(2000);
        assertRejected(() -> RedirectUri.parse(base + "a".repeat(2001 - base.length())), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void parseWhenNullThenNullPointer() {
        assertThatNullPointerException().isThrownBy(() -> RedirectUri.parse(null)).withMessage("value");
    }

    @Test
    void matchesWhenSameStringThenTrue() {
        assertThat(RedirectUri.parse(REGISTERED).matches(REGISTERED)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com/oauth/callback",
        "https://app.example.com/oauth/callback?tenant=7&extra=1",
        "https://app.example.com/oauth/callback?tenant=7/",
        "https://app.example.com/oauth/callback/?tenant=7",
        "https://app.example.com/oauth/callback?tenant=70",
        "https://app.example.com/oauth/callbac",
        "https://app.example.com/oauth/callback/evil?tenant=7",
        "https://APP.example.com/oauth/callback?tenant=7",
        "HTTPS://app.example.com/oauth/callback?tenant=7",
        "https://app.example.com/OAuth/callback?tenant=7",
        "https://app.example.com:443/oauth/callback?tenant=7",
        "https://app.example.com/oauth%2Fcallback?tenant=7",
        "https://app.example.com/oauth/c%61llback?tenant=7",
        "https://app.example.com/oauth/callback?tenant=%37",
        "https://app.example.com.evil.com/oauth/callback?tenant=7",
        " https://app.example.com/oauth/callback?tenant=7",
        ""
    })
    void matchesWhenAnyCharacterDiffersThenFalse(String candidate) {
        assertThat(RedirectUri.parse(REGISTERED).matches(candidate)).isFalse();
    }

    @Test
    void matchesWhenNullThenFalse() {
        assertThat(RedirectUri.parse(REGISTERED).matches(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/cb", "http://127.0.0.1:51004/cb", "http://127.0.0.1/cb",
        "http://127.0.0.1:1/cb"})
    void admitsWhenLoopbackIpv4OnAnyPortThenTrue(String candidate) {
        assertThat(RedirectUri.parse("http://127.0.0.1:8080/cb").admits(candidate)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]:8080/cb?x=1", "http://[::1]:65000/cb?x=1", "http://[::1]/cb?x=1"})
    void admitsWhenLoopbackIpv6OnAnyPortThenTrue(String candidate) {
        assertThat(RedirectUri.parse("http://[::1]/cb?x=1").admits(candidate)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/cb/", "http://127.0.0.1:8080/cbx", "http://127.0.0.1:8080/cb?x",
        "http://127.0.0.1:8080/cb#f", "http://[::1]:8080/cb", "http://localhost:8080/cb", "https://127.0.0.1:8080/cb",
        "http://127.0.0.1:8080@evil.example/cb", "http://127.0.0.1:8080.evil.example/cb", "http://127.0.0.2:8080/cb", ""})
    void admitsWhenLoopbackDiffersBeyondThePortThenFalse(String candidate) {
        assertThat(RedirectUri.parse("http://127.0.0.1:9/cb").admits(candidate)).isFalse();
    }

    @Test
    void admitsWhenLocalhostOrHttpsOnAnotherPortThenFalse() {
        assertThat(RedirectUri.parse("http://localhost:8080/cb").admits("http://localhost:8081/cb")).isFalse();
        assertThat(RedirectUri.parse("https://app.example.com:8443/cb").admits("https://app.example.com:9443/cb")).isFalse();
        assertThatNullPointerException().isThrownBy(() -> RedirectUri.parse("http://127.0.0.1:8080/cb").admits(null)).withMessage("candidate");
    }

    @Test
    void matchesWhenLoopbackOnAnotherPortThenFalseSinceTheCodeIsBoundToTheExactUri() {
        assertThat(RedirectUri.parse("http://127.0.0.1:8080/cb").matches("http://127.0.0.1:8081/cb")).isFalse();
    }
}
