package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FAKE {@link IdTokenSigner}: it signs nothing. It returns a different opaque string for every
 * call and remembers the claims of each, so that tests can look them up.
 */
public final class FakeIdTokenSigner implements IdTokenSigner {
    private final Map<String, IdTokenClaims> claimsByToken = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String sign(IdTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        String token = "fake-id-token-" + counter.incrementAndGet();
        claimsByToken.put(token, claims);
        return token;
    }

    /** The claims this signer signed into {@code token}. */
    public Optional<IdTokenClaims> claimsOf(String token) {
        return Optional.ofNullable(claimsByToken.get(token));
    }
}
