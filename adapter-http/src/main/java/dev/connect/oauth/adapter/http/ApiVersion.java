package dev.connect.oauth.adapter.http;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of the HTTP API as the {@code X-VERSION} header writes it: {@code MAJOR.MINOR.PATCH}
 * (API.md §1, seed 002). Ordered numerically, so {@code 1.10.0} is newer than {@code 1.9.0}.
 */
record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {
    /** Non-negative integers without leading zeros, at most nine digits so they fit an int. */
    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
    private static final Comparator<ApiVersion> ORDER =
            Comparator.comparingInt(ApiVersion::major).thenComparingInt(ApiVersion::minor).thenComparingInt(ApiVersion::patch);

    ApiVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("Version numbers are not negative");
        }
    }

    /** The version, or empty when {@code value} is not {@code MAJOR.MINOR.PATCH}. */
    static Optional<ApiVersion> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = SYNTAX.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    /** For configuration: a malformed value is a programming or operator error. */
    static ApiVersion require(String value, String name) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException(name + " must be MAJOR.MINOR.PATCH, was " + value));
    }

    boolean isOlderThan(ApiVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
