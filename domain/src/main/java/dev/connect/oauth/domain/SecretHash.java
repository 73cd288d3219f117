package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * The SHA-256 of a high-entropy secret (client secret, API key, authorization code, refresh or
 * access token), as 64 lower-case hex digits. Only these are stored, never the secrets; a lookup
 * by hash proves a presented secret was issued here.
 */
public record SecretHash(String hex) {
    private static final int LENGTH = 64;

    public SecretHash {
        Objects.requireNonNull(hex, "hex");
        if (!isLowerCaseHex(hex)) {
            throw new IllegalArgumentException("A secret hash is 64 lower-case hex digits");
        }
    }

    /**
     * A loop rather than a regular expression: a token request makes several of these, and the
     * regular expression took 3 % of an exchange's CPU.
     */
    private static boolean isLowerCaseHex(String value) {
        if (value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
