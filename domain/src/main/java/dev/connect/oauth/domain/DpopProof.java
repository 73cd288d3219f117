package dev.connect.oauth.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DPoP proof as read from its {@code DPoP} header: what its JOSE header and claims say, the
 * thumbprint of the public key it carries, and whether its signature verifies with that key
 * (reading the JWT and checking the signature are a crypto adapter's work). {@link #check} applies
 * the rules of RFC 9449 §4.3 that need nothing but the request; the server's nonce and the
 * {@code jti} replay check need shared state and are the application's.
 *
 * @param type               the {@code typ} header, which must be {@code dpop+jwt}
 * @param algorithm          the {@code alg} header
 * @param key                the RFC 7638 SHA-256 thumbprint of the {@code jwk} header
 * @param privateKeyIncluded whether the {@code jwk} header carries private key members
 * @param signatureVerified  whether the signature verifies with the {@code jwk} header's key under {@code alg}
 * @param accessTokenHash    the {@code ath} claim
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-4.3">RFC 9449 §4.3</a>
 */
public record DpopProof(Optional<String> type, String algorithm, JwkThumbprint key, boolean privateKeyIncluded,
                        boolean signatureVerified, Optional<String> method, Optional<String> uri,
                        Optional<Instant> issuedAt, Optional<String> jti, Optional<String> accessTokenHash,
                        Optional<String> nonce) {
    /** The {@code typ} of a DPoP proof (RFC 9449 §4.2). */
    public static final String TYPE = "dpop+jwt";
    /** A longer {@code jti} is refused rather than remembered: 256 characters is ample entropy. */
    public static final int MAX_JTI_LENGTH = 256;

    public DpopProof {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(accessTokenHash, "accessTokenHash");
        Objects.requireNonNull(nonce, "nonce");
    }

    /**
     * What a proof must match: the request it came with and the server's rules.
     *
     * @param algorithms  the {@code alg} values accepted, each asymmetric (RFC 9449 §4.3 item 5)
     * @param method      the request's method ({@code htm})
     * @param uri         the request's URL as the server publishes it, without query or fragment ({@code htu})
     * @param accessToken the access token the proof comes with, at a protected resource ({@code ath})
     * @param window      how far {@code iat} may be from now, either way
     */
    public record Requirements(Set<String> algorithms, String method, String uri, Optional<String> accessToken,
                               Instant now, Duration window) {
        public Requirements {
            algorithms = Set.copyOf(Objects.requireNonNull(algorithms, "algorithms"));
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
        }
    }

    /**
     * Checks the proof against {@code expected} (RFC 9449 §4.3 items 3 to 9, 11 and 12).
     *
     * @return the proof's {@code jti}, to be checked for replay
     * @throws OAuthException {@code invalid_dpop_proof} saying which check failed
     */
    public String check(Requirements expected) {
        Objects.requireNonNull(expected, "expected");
        if (!type.map(TYPE::equals).orElse(false)) {
            throw invalid("typ must be " + TYPE + ".");
        }
        if (!expected.algorithms().contains(algorithm)) {
            throw invalid("alg " + algorithm + " is not supported: use one of " + String.join(", ",
                    expected.algorithms().stream().sorted().toList()) + ".");
        }
        if (privateKeyIncluded) {
            throw invalid("jwk must be a public key: it carries private key members.");
        }
        if (!signatureVerified) {
            throw invalid("The signature does not verify with the jwk.");
        }
        String id = jti.filter(value -> !value.isEmpty()).orElseThrow(() -> invalid("jti is required."));
        if (id.length() > MAX_JTI_LENGTH) {
            throw invalid("jti must be at most " + MAX_JTI_LENGTH + " characters.");
        }
        if (!method.map(expected.method()::equals).orElse(false)) {
            throw invalid("htm must be the request's method, " + expected.method() + ".");
        }
        if (!uri.map(presented -> sameTarget(presented, expected.uri())).orElse(false)) {
            throw invalid("htu must be the request's URL, " + expected.uri() + ".");
        }
        Instant iat = issuedAt.orElseThrow(() -> invalid("iat is required."));
        if (Duration.between(iat, expected.now()).abs().compareTo(expected.window()) > 0) {
            throw invalid("iat must be within " + expected.window().toSeconds() + " s of the server's time.");
        }
        if (expected.accessToken().isPresent()) {
            String ath = accessTokenHash.orElseThrow(() -> invalid("ath is required with an access token."));
            if (!MessageDigest.isEqual(ath.getBytes(StandardCharsets.US_ASCII),
                    accessTokenHash(expected.accessToken().get()).getBytes(StandardCharsets.US_ASCII))) {
                throw invalid("ath does not match the access token.");
            }
        }
        return id;
    }

    /** Until when this proof may be accepted: later it fails the {@code iat} check anyway. */
    public Instant acceptableUntil(Duration window) {
        return issuedAt.orElseThrow(() -> invalid("iat is required.")).plus(window);
    }

    /** The {@code ath} of {@code accessToken}: base64url of the SHA-256 of its ASCII octets (RFC 9449 §4.2). */
    public static String accessTokenHash(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code htu} names {@code expected} (RFC 9449 §4.3 item 9): query and fragment
     * ignored, scheme and host compared without case, a default port the same as none
     * (RFC 3986 §6.2.2, §6.2.3); the path must be the same.
     */
    static boolean sameTarget(String htu, String expected) {
        try {
            URI presented = new URI(htu);
            URI server = new URI(expected);
            return presented.isAbsolute() && presented.getRawAuthority() != null
                    && presented.getScheme().equalsIgnoreCase(server.getScheme())
                    && lower(presented.getHost()).equals(lower(server.getHost()))
                    && port(presented) == port(server)
                    && path(presented).equals(path(server))
                    && presented.getRawUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static String lower(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static OAuthException invalid(String description) {
        return ErrorCode.INVALID_DPOP_PROOF.exception(description);
    }
}
