package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ClientAssertionCodec} without cryptography: {@link #sign} hands out a JWT-shaped token for an
 * assertion "signed" by a key id, and a JWK Set is any JSON with {@code "keys"} whose {@code "kid"}
 * members name the keys it holds ({@link #jwkSet}); a key with a {@code "d"} member is private.
 * {@link #signWithSecret} stands for an HMAC keyed with a client secret.
 */
public final class FakeClientAssertionCodec implements ClientAssertionCodec {
    private static final String SECRET_KEY = "hmac secret:";
    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]*)\"");

    private record Signed(ClientAssertion assertion, String keyId) {
    }

    private final Map<String, Signed> issued = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    /** A JWK Set holding public keys with these ids. */
    public static String jwkSet(String... keyIds) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keyIds.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"kty\":\"EC\",\"kid\":\"").append(keyIds[i]).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** The token of {@code assertion} (whose {@code compact} is ignored), signed with the key {@code keyId}. */
    public String sign(ClientAssertion assertion, String keyId) {
        // JWT-shaped, so that a caller may read the claimed sub as from a real one; the "signature" is a counter.
        String payload = "{\"sub\":\"" + assertion.subject().orElse("") + "\"}";
        String token = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + counter.incrementAndGet();
        issued.put(token, new Signed(new ClientAssertion(token, assertion.algorithm(), assertion.keyId(), assertion.issuer(),
                assertion.subject(), assertion.audience(), assertion.expiresAt(), assertion.issuedAt(),
                assertion.notBefore(), assertion.jwtId()), Objects.requireNonNull(keyId, "keyId")));
        return token;
    }

    /** The token of {@code assertion}, "MACed" with {@code secret} ({@code client_secret_jwt}). */
    public String signWithSecret(ClientAssertion assertion, String secret) {
        return sign(assertion, SECRET_KEY + Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public Optional<ClientAssertion> decode(String jwt) {
        return Optional.ofNullable(issued.get(jwt)).map(Signed::assertion);
    }

    @Override
    public boolean verify(ClientAssertion assertion, String jwkSet) {
        Signed signed = issued.get(assertion.compact());
        return signed != null && assertion.keyId().map(signed.keyId()::equals).orElse(true)
                && containsKey(jwkSet, signed.keyId());
    }

    @Override
    public boolean verifyWithSecret(ClientAssertion assertion, String secret) {
        Signed signed = issued.get(assertion.compact());
        return signed != null && ClientAuthSettings.HMAC_ALGORITHMS.contains(assertion.algorithm())
                && signed.keyId().equals(SECRET_KEY + secret);
    }

    @Override
    public boolean containsKey(String jwkSet, String keyId) {
        Matcher kids = KID.matcher(jwkSet);
        while (kids.find()) {
            if (kids.group(1).equals(keyId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void requirePublicKeys(String jwkSet) {
        if (!jwkSet.contains("\"keys\"") || !KID.matcher(jwkSet).find()) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks is not a JWK Set.");
        }
        if (jwkSet.contains("\"d\"")) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks must hold public keys only.");
        }
    }
}
