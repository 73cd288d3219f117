package dev.connect.oauth.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The code a person types on a second device to approve a device authorization: eight characters
 * of twenty consonants (no vowels, so no word is spelled by accident; no digits, so no 0/O or 1/I
 * confusion), shown as {@code XXXX-XXXX}. Input is case-insensitive and dashes and spaces are
 * ignored. Twenty letters to the eighth power is about 2.6·10<sup>10</sup> codes (34.5 bits):
 * enough for a code that lives minutes when wrong guesses are rate-limited, as RFC 8628 §5.1 asks.
 *
 * @param value the eight characters, upper case, without separator
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-6.1">RFC 8628 §6.1</a>
 */
public record UserCode(String value) {
    /** The characters of a user code (RFC 8628 §6.1's example alphabet). */
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** The largest multiple of the alphabet's size within base64url's 64 values: below it, no bias. */
    private static final int UNBIASED = BASE64URL.length() / ALPHABET.length() * ALPHABET.length();

    public UserCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("A user code is " + LENGTH + " characters of " + ALPHABET);
        }
    }

    /** The code typed by a person: any case, dashes and spaces anywhere; empty when it cannot be one. */
    public static Optional<UserCode> parse(String typed) {
        Objects.requireNonNull(typed, "typed");
        if (typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        String normalised = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (normalised.length() != LENGTH || !normalised.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new UserCode(normalised));
    }

    /**
     * A code drawn from {@code random}, base64url characters of a strong random source: each one
     * below the unbiased bound picks one letter, the others are skipped. Empty when too few are
     * usable (with 43 characters, practically never); the caller draws again.
     */
    public static Optional<UserCode> from(String random) {
        Objects.requireNonNull(random, "random");
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < random.length() && code.length() < LENGTH; i++) {
            int index = BASE64URL.indexOf(random.charAt(i));
            if (index < 0) {
                throw new IllegalArgumentException("Not base64url");
            }
            if (index < UNBIASED) {
                code.append(ALPHABET.charAt(index % ALPHABET.length()));
            }
        }
        return code.length() == LENGTH ? Optional.of(new UserCode(code.toString())) : Optional.empty();
    }

    /** As shown to people: {@code XXXX-XXXX}. */
    public String display() {
        return value.substring(0, LENGTH / 2) + "-" + value.substring(LENGTH / 2);
    }

    /** Not the code: a user code is a short-lived credential and stays out of logs. */
    @Override
    public String toString() {
        return "UserCode[redacted]";
    }
}
