package dev.connect.oauth.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PKCE code challenge bound to an authorization code, and the check of the verifier that
 * redeems it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>
 */
public record PkceChallenge(String challenge, PkceMethod method) {
    /** RFC 7636 §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** A SHA-256 in standard Base64 (RFC 4648 §4), with or without its one padding character. */
    private static final Pattern STANDARD_BASE64_DIGEST = Pattern.compile("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=?");

    /**
     * An S256 challenge may come in standard Base64 (seed 002 calls it "BASE64" of the SHA-256): it
     * is kept in the base64url form without padding that RFC 7636 §4.2 names, so both spellings of
     * one digest are the same challenge.
     */
    public PkceChallenge {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(method, "method");
        if (method == PkceMethod.S256 && STANDARD_BASE64_DIGEST.matcher(challenge).matches()) {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(challenge));
        }
        // A plain challenge is the verifier itself; an S256 one is 43 base64url characters.
        if (!VERIFIER.matcher(challenge).matches()) {
            throw ErrorCode.INVALID_REQUEST.exception("code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~].");
        }
    }

    /**
     * Parses {@code code_challenge} and {@code code_challenge_method}: an absent method means
     * {@code plain} (RFC 7636 §4.3, seed 002), an unknown one is {@code invalid_request}.
     */
    public static PkceChallenge parse(String challenge, Optional<String> method) {
        Objects.requireNonNull(method, "method");
        return new PkceChallenge(challenge, method.map(value -> PkceMethod.parse(value).orElseThrow(
                () -> ErrorCode.INVALID_REQUEST.exception("code_challenge_method must be S256 or plain.")))
                .orElse(PkceMethod.PLAIN));
    }

    /** Whether a verifier has the syntax of RFC 7636 §4.1. */
    public static boolean isWellFormedVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /**
     * Whether {@code verifier} answers this challenge (RFC 7636 §4.6), compared in constant time.
     * A verifier of the wrong syntax never does.
     */
    public boolean verify(String verifier) {
        if (!isWellFormedVerifier(verifier)) {
            return false;
        }
        String derived = switch (method) {
            case PLAIN -> verifier;
            case S256 -> s256(verifier);
        };
        return MessageDigest.isEqual(
                derived.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** BASE64URL-ENCODE(SHA256(ASCII(verifier))), without padding. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
