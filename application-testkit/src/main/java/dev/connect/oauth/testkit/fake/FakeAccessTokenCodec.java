package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FAKE {@link AccessTokenCodec}: it signs nothing. It returns a string shaped like a JWS
 * ({@code header.payload.signature}, the payload carrying the {@code jti}), different for every
 * call, and remembers the claims of each so that tests can look them up.
 */
public final class FakeAccessTokenCodec implements AccessTokenCodec {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");

    private final Map<String, AccessTokenClaims> claimsByToken = new ConcurrentHashMap<>();
    private final List<AccessTokenClaims> encoded = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String encode(AccessTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        String payload = base64Url("{\"jti\":\"" + claims.jti().value() + "\",\"client_id\":\""
                + claims.clientId().value() + "\"}");
        String token = HEADER + "." + payload + "." + base64Url("fake-" + counter.incrementAndGet());
        claimsByToken.put(token, claims);
        synchronized (encoded) {
            encoded.add(claims);
        }
        return token;
    }

    @Override
    public String publicJwkSetJson() {
        return "{\"keys\":[]}";
    }

    /** The claims this codec encoded into {@code token}. */
    public Optional<AccessTokenClaims> claimsOf(String token) {
        return Optional.ofNullable(claimsByToken.get(token));
    }

    /** The claims of every token encoded so far, oldest first. */
    public List<AccessTokenClaims> encoded() {
        synchronized (encoded) {
            return List.copyOf(encoded);
        }
    }

    private static String base64Url(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
