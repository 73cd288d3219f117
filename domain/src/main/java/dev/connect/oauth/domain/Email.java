package dev.connect.oauth.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account's email address, kept in lower case so that uniqueness is case-insensitive.
 * The syntax check is the practical subset of RFC 5321 that mail providers accept: a dot-atom
 * local part, and a domain of at least two labels.
 */
public record Email(String value) {
    private static final int MAX_LENGTH = 254;
    private static final Pattern SYNTAX = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public Email {
        if (value == null || value.isBlank()) {
            throw ErrorCode.EMAIL_REQUIRED.exception();
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SYNTAX.matcher(value).matches() || value.indexOf('@') > 64) {
            throw ErrorCode.EMAIL_INVALID.exception();
        }
    }

    /** Parses an email: absent or blank is {@code email_required} (2034), malformed {@code email_invalid} (2041). */
    public static Email parse(String value) {
        return new Email(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
