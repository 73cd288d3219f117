package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientOpenIdSettingsTest {
    private static ClientOpenIdSettings parse(List<String> uris, String subjectType, Long defaultMaxAge) {
        return ClientOpenIdSettings.parse(Optional.ofNullable(uris), Optional.ofNullable(subjectType),
                Optional.ofNullable(defaultMaxAge));
    }

    @Test
    void parseWhenNothingGivenThenDefaults() {
        assertThat(parse(null, null, null)).isEqualTo(ClientOpenIdSettings.DEFAULTS);
        assertThat(ClientOpenIdSettings.DEFAULTS.subjectType()).isEqualTo(SubjectType.PUBLIC);
    }

    @Test
    void parseThenUrisInOrderWithoutRepeatsSubjectTypeAndMaxAge() {
        ClientOpenIdSettings settings = parse(List.of("https://b.example.com/bye", "http://127.0.0.1:9/bye",
                "https://b.example.com/bye"), "pairwise", 0L);

        assertThat(settings.postLogoutRedirectUris()).extracting(RedirectUri::value)
                .containsExactly("https://b.example.com/bye", "http://127.0.0.1:9/bye");
        assertThat(settings.subjectType()).isEqualTo(SubjectType.PAIRWISE);
        assertThat(settings.defaultMaxAge()).hasValue(Duration.ZERO);
    }

    @Test
    void parseWhenUriBreaksTheRedirectUriRulesThenInvalidRequest() {
        assertRejected(() -> parse(List.of("http://app.example.com/bye"), null, null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(List.of("https://app.example.com/bye#x"), null, null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(List.of("/bye"), null, null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void parseWhenMoreThan20UrisThenInvalidRequest() {
        assertRejected(() -> parse(Collections.nCopies(21, "not even a uri"), null, null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void parseWhenSubjectTypeUnknownOrNotLowerCaseThenInvalidRequest() {
        assertRejected(() -> parse(null, "secret", null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(null, "Pairwise", null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void parseWhenDefaultMaxAgeNegativeOrOverNineDigitsThenInvalidRequest() {
        assertRejected(() -> parse(null, null, -1L), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> parse(null, null, 1_000_000_000L), ErrorCode.INVALID_REQUEST);
        assertThat(parse(null, null, 999_999_999L).defaultMaxAge()).hasValue(ClientOpenIdSettings.MAX_DEFAULT_MAX_AGE);
    }

    @Test
    void registeredPostLogoutRedirectUriWhenExactlyRegisteredThenFoundElseEmpty() {
        ClientOpenIdSettings settings = parse(List.of("http://127.0.0.1:8000/bye"), null, null);

        assertThat(settings.registeredPostLogoutRedirectUri("http://127.0.0.1:8000/bye")).isPresent();
        assertThat(settings.registeredPostLogoutRedirectUri("http://127.0.0.1:9000/bye")).isEmpty();
        assertThat(settings.registeredPostLogoutRedirectUri("http://127.0.0.1:8000/bye/")).isEmpty();
    }

    @Test
    void parseWhenResourcesGivenThenKeptInOrderWithoutRepeats() {
        ClientOpenIdSettings settings = ClientOpenIdSettings.parse(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of("https://b.example.com/", "https://a.example.com/", "https://b.example.com/")));

        assertThat(settings.resources().values()).containsExactly("https://b.example.com/", "https://a.example.com/");
        assertThat(ClientOpenIdSettings.DEFAULTS.resources()).isEqualTo(ResourceSet.NONE);
    }
}
