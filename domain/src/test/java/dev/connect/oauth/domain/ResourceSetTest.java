package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceSetTest {
    private static final String API = "https://api.example.com/";
    private static final String FILES = "urn:example:files";
    private static final ResourceSet REGISTERED = ResourceSet.parse(List.of(API, FILES));

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/", "https://api.example.com/v1?tenant=a", "urn:example:files",
            "http://localhost:8080/"})
    void parseWhenAbsoluteWithoutFragmentThenAccepted(String value) {
        assertThat(ResourceIndicator.parse(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/v1", "/api", "https://api.example.com/#x", "https://api.example.com/#",
            "https://api example.com/"})
    void parseWhenNotAnAbsoluteUriWithoutFragmentThenInvalidTarget(String value) {
        assertRejected(() -> ResourceIndicator.parse(value), ErrorCode.INVALID_TARGET);
    }

    @Test
    void narrowWhenNothingRequestedThenAll() {
        assertThat(REGISTERED.narrow(List.of())).isEqualTo(REGISTERED);
    }

    @Test
    void narrowWhenSubsetRequestedThenThatSubsetInRequestOrderWithoutRepeats() {
        assertThat(REGISTERED.narrow(List.of(FILES, API, FILES)).values()).containsExactly(FILES, API);
    }

    @Test
    void narrowWhenResourceOutsideOrMalformedThenInvalidTarget() {
        assertRejected(() -> REGISTERED.narrow(List.of(API, "https://other.example.com/")), ErrorCode.INVALID_TARGET);
        assertRejected(() -> REGISTERED.narrow(List.of("https://api.example.com")), ErrorCode.INVALID_TARGET);
        assertRejected(() -> ResourceSet.NONE.narrow(List.of(API)), ErrorCode.INVALID_TARGET);
        assertRejected(() -> REGISTERED.narrow(List.of("not a uri")), ErrorCode.INVALID_TARGET);
    }

    @Test
    void audienceWhenNoneThenDefaultElseTheResources() {
        assertThat(ResourceSet.NONE.audience("https://default.example.com")).containsExactly("https://default.example.com");
        assertThat(REGISTERED.audience("https://default.example.com")).containsExactly(API, FILES);
    }

    @Test
    void storedFormThenRoundTrips() {
        assertThat(REGISTERED.toString()).isEqualTo(API + " " + FILES);
        assertThat(ResourceSet.parseStored(REGISTERED.toString())).isEqualTo(REGISTERED);
        assertThat(ResourceSet.parseStored(null)).isEqualTo(ResourceSet.NONE);
        assertThat(ResourceSet.parseStored("")).isEqualTo(ResourceSet.NONE);
    }

    @Test
    void registerWhenMalformedOrTooManyThenInvalidRequest() {
        assertRejected(() -> ResourceSet.register(Optional.of(List.of("relative"))), ErrorCode.INVALID_REQUEST);
        List<String> many = IntStream.rangeClosed(0, ResourceSet.MAX_RESOURCES)
                .mapToObj(i -> "https://api" + i + ".example.com/").toList();
        assertRejected(() -> ResourceSet.register(Optional.of(many)), ErrorCode.INVALID_REQUEST);
        assertThat(ResourceSet.register(Optional.empty())).isEqualTo(ResourceSet.NONE);
    }
}
