package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number normalised to E.164 ({@code +} and 8–15 digits, no leading zero in the country
 * code), so that {@code +44 20 7946-0958} and {@code 0044 (20) 79460958} are one number. A number
 * without an international prefix is refused: the country cannot be guessed.
 *
 * @see <a href="https://www.itu.int/rec/T-REC-E.164">ITU-T E.164</a>
 */
public record Phone(String value) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-/]");

    public Phone {
        Objects.requireNonNull(value, "value");
        if (!E164.matcher(value).matches()) {
            throw ErrorCode.INVALID_REQUEST.exception("phone must be an international number, such as +14155550100.");
        }
    }

    /** Normalises a human-written number to E.164. */
    public static Phone parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return new Phone(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
