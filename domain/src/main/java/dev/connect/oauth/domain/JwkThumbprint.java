package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JWK SHA-256 thumbprint of a public key (RFC 7638), base64url without padding: what binds a
 * DPoP-bound token or code to the key of its proofs ({@code cnf.jkt}, {@code dpop_jkt}).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-6.1">RFC 9449 §6.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7638">RFC 7638</a>
 */
public record JwkThumbprint(String value) {
    /** 32 bytes of SHA-256 in base64url without padding. */
    private static final Pattern SHA256_BASE64URL = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");

    public JwkThumbprint {
        Objects.requireNonNull(value, "value");
        if (!SHA256_BASE64URL.matcher(value).matches()) {
            throw new IllegalArgumentException("A JWK thumbprint is the base64url of a SHA-256 digest (43 characters)");
        }
    }

    /** The thumbprint {@code value} denotes, empty when it is not the base64url of a SHA-256 digest. */
    public static Optional<JwkThumbprint> parse(String value) {
        return Optional.ofNullable(value).filter(text -> SHA256_BASE64URL.matcher(text).matches())
                .map(JwkThumbprint::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
