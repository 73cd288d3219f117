package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.TokenId;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Duration;
import java.time.Instant;

/** Access-token claims issued by {@link #ISSUER} to {@code client-7} for {@code account-42}, with a fresh {@code jti}. */
final class TestClaims {
    static final String ISSUER = "https://auth.example.com";
    static final String AUDIENCE = "https://api.example.com";
    static final Duration TTL = Duration.ofHours(1);

    private TestClaims() {
    }

    /** Claims issued at {@code issuedAt}, valid for {@link #TTL}. */
    static AccessTokenClaims issuedAt(Instant issuedAt, ScopeSet scopes) {
        return new AccessTokenClaims(ISSUER, "account-42", AUDIENCE, new ClientId("client-7"), scopes,
                new TokenId(TestIds.identifier()), issuedAt, issuedAt.plus(TTL));
    }
}
