package dev.connect.oauth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.TokenId;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FakeAccessTokenCodecTest {
    private final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();

    private static AccessTokenClaims claims(String jti) {
        return new AccessTokenClaims("https://auth.example.com", "account-1", "https://api.example.com",
                new ClientId("client-1"), ScopeSet.parse("connect"), new TokenId(jti), MutableClock.START,
                MutableClock.START.plusSeconds(3600));
    }

    @Test
    void encodeThenJwsShapedWithTheJtiInThePayload() {
        String token = codec.encode(claims("jti-1"));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).contains("\"jti-1\"");
    }

    @Test
    void encodeWhenSameClaimsTwiceThenDifferentTokens() {
        assertThat(codec.encode(claims("jti-1"))).isNotEqualTo(codec.encode(claims("jti-1")));
    }

    @Test
    void claimsOfThenTheClaimsEncoded() {
        AccessTokenClaims claims = claims("jti-2");
        String token = codec.encode(claims);

        assertThat(codec.claimsOf(token)).contains(claims);
        assertThat(codec.claimsOf("a.b.c")).isEmpty();
        assertThat(codec.encoded()).containsExactly(claims);
    }

    @Test
    void publicJwkSetJsonThenAnEmptySet() {
        assertThat(codec.publicJwkSetJson()).isEqualTo("{\"keys\":[]}");
    }
}
