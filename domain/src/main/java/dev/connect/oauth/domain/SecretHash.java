package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a high-entropy secret (client secret, API key, authorization code, refresh or
 * access token), as 64 lower-case hex digits. Only these are stored, never the secrets; a lookup
 * by hash proves a presented secret was issued here.
 */
public record SecretHash(String hex) {
    private static final Pattern SYNTAX = Pattern.compile("[0-9a-f]{64}");

    public SecretHash {
        Objects.requireNonNull(hex, "hex");
        if (!SYNTAX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A secret hash is 64 lower-case hex digits");
        }
    }
}
