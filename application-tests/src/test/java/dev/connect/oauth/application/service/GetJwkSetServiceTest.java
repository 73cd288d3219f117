package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import org.junit.jupiter.api.Test;

class GetJwkSetServiceTest {
    private static final String JWK_SET = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\"}]}";

    @Test
    void jwkSetJsonWhenAskedThenTheCodecsPublicKeys() {
        AccessTokenCodec codec = new AccessTokenCodec() {
            @Override
            public String encode(AccessTokenClaims claims) {
                throw new AssertionError("publishing keys signs nothing");
            }

            @Override
            public String publicJwkSetJson() {
                return JWK_SET;
            }
        };

        assertThat(new GetJwkSetService(codec).jwkSetJson()).isEqualTo(JWK_SET);
    }
}
