package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.IdTokenVerifier;
import dev.connect.oauth.application.port.out.VerifiedIdToken;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FAKE {@link IdTokenSigner}: it signs nothing. It returns a different opaque string for every
 * call and remembers the claims of each, so that tests can look them up; as the
 * {@link IdTokenVerifier}, it verifies exactly the tokens it returned.
 */
public final class FakeIdTokenSigner implements IdTokenSigner, IdTokenVerifier {
    private final Map<String, IdTokenClaims> claimsByToken = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String sign(IdTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        String token = "fake-id-token-" + counter.incrementAndGet();
        claimsByToken.put(token, claims);
        return token;
    }

    @Override
    public Optional<VerifiedIdToken> verify(String idToken) {
        return claimsOf(idToken).map(claims -> new VerifiedIdToken(claims.issuer(), claims.subject(), claims.audience()));
    }

    /** The claims this signer signed into {@code token}. */
    public Optional<IdTokenClaims> claimsOf(String token) {
        return Optional.ofNullable(claimsByToken.get(token));
    }
}
