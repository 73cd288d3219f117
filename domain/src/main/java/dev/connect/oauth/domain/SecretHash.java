package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * The SHA-256 of a high-entropy secret (client secret, API key, authorization code, refresh or
 * access token), as 64 lower-case hex digits. Only these are stored, never the secrets; a lookup
 * by hash proves a presented secret was issued here.
 *
 * <p>A token's hash may be {@link #timed}: led by the 8 base64url characters of the time the token
 * was made, then the first 56 hex digits of its SHA-256 (224 bits), still 64 characters. The store
 * finds such keys at the end of its index rather than on a random page of it.
 */
public record SecretHash(String hex) {
    private static final int LENGTH = 64;
    private static final int TIME_CHARS = 8;

    public SecretHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != LENGTH || !(isLowerCaseHex(hex, 0) || isTimed(hex))) {
            throw new IllegalArgumentException("A secret hash is 64 lower-case hex digits, or a time and 56 of them");
        }
    }

    /** The key of a token made at {@code time} (8 base64url characters) whose hash is {@code hash}. */
    public static SecretHash timed(String time, SecretHash hash) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(hash, "hash");
        if (time.length() != TIME_CHARS || !isBase64Url(time, TIME_CHARS) || !isLowerCaseHex(hash.hex, 0)) {
            throw new IllegalArgumentException("A timed hash is 8 base64url characters and a SHA-256 in hex");
        }
        return new SecretHash(time + hash.hex.substring(0, LENGTH - TIME_CHARS));
    }

    private static boolean isTimed(String key) {
        return isBase64Url(key, TIME_CHARS) && isLowerCaseHex(key, TIME_CHARS);
    }

    /**
     * Loops rather than regular expressions: a token request makes several of these, and the
     * regular expression took 3 % of an exchange's CPU.
     */
    private static boolean isLowerCaseHex(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(String value, int count) {
        for (int i = 0; i < count; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
