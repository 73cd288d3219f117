package dev.connect.oauth.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code at_hash} of an ID token: the base64url of the left half of the hash of the access
 * token's ASCII octets, the hash being the one of the ID token's {@code alg} (SHA-256 for ES256).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken">OpenID Connect Core 1.0 §3.1.3.6</a>
 */
public final class AccessTokenHash {
    private AccessTokenHash() {
    }

    /** The {@code at_hash} of {@code accessToken} for an ID token signed with ES256. */
    public static String of(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
