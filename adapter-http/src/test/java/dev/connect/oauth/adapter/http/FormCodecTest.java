package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormCodecTest {
    @Test
    void decodeWhenEncodedThenPlusIsSpaceAndEscapesAreUtf8() {
        assertThat(decode("scope=connect+triggers&name=J%C3%BCrgen&empty=&flag"))
                .containsExactly(Map.entry("scope", "connect triggers"), Map.entry("name", "Jürgen"),
                        Map.entry("empty", ""), Map.entry("flag", ""));
    }

    @Test
    void decodeKeepsRepeatsAndSkipsEmptySegments() {
        assertThat(decode("a=1&&a=2&")).containsExactly(Map.entry("a", "1"), Map.entry("a", "2"));
    }

    @Test
    void decodeWhenEscapeMalformedThenInvalidRequest() {
        for (String form : new String[] {"a=%", "a=%4", "a=%zz", "a=%-1", "%g0=x"}) {
            assertThatThrownBy(() -> decode(form)).as(form).isInstanceOf(OAuthException.class)
                    .extracting(e -> ((OAuthException) e).errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
        }
    }

    @Test
    void decodeWhenNotUtf8ThenInvalidRequest() {
        assertThatThrownBy(() -> decode("a=%FF")).isInstanceOf(OAuthException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> FormCodec.decode(new byte[] {'a', '=', (byte) 0xC3})).isInstanceOf(OAuthException.class);
    }

    @Test
    void decodeWhenTooManyParametersThenInvalidRequest() {
        String form = "p=1&".repeat(FormCodec.MAX_PARAMETERS + 1);

        assertThatThrownBy(() -> decode(form)).isInstanceOf(OAuthException.class).hasMessageContaining("Too many");
    }

    @Test
    void decodeQueryRecoversRawBytesFromOneCharPerByte() {
        String rawUtf8AsLatin1 = new String("n=é".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(FormCodec.decodeQuery(rawUtf8AsLatin1)).containsExactly(Map.entry("n", "é"));
    }

    @Test
    void encodeThenDecodeRoundTrips() {
        String value = "a b&c=d/é?+%";

        assertThat(decode("v=" + FormCodec.encode(value))).containsExactly(Map.entry("v", value));
    }

    @Test
    void pathWhenEscapesValidThenDecodable() {
        assertThat(FormCodec.isDecodablePath("/api/v1/clients/a%20b+c")).isTrue();
        assertThat(FormCodec.isDecodablePath("/api/v1/clients/%zz")).isFalse();
        assertThat(FormCodec.isDecodablePath("/api/v1/clients/%C3%28")).isFalse();
    }

    private static java.util.List<Map.Entry<String, String>> decode(String form) {
        return FormCodec.decode(form.getBytes(StandardCharsets.UTF_8));
    }
}
