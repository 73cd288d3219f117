package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keys that codes, refresh tokens and access tokens are stored and found by: the millisecond
 * the token was made ({@link TimeOrderedIds#time}), then its hash ({@link SecretHash#timed}). A
 * hash alone lands each new row on a random page of the store's unique index, so the whole index
 * has to stay in the database's memory as the tables grow, and MariaDB's work per token doubled
 * from 10⁴ to 10⁶ stored tokens; keys that start with the time land at the index's end.
 *
 * <p>The time is read from the token itself: an opaque value starts with it (its first 8 of 51
 * characters), and a JWT's payload starts with its {@code jti}, which does (see
 * {@link #JWT_PAYLOAD_START}). Anything else, tokens issued before keys were timed among them, is
 * found by its hash alone, as before; the two kinds of keys never meet, since a time starts with
 * {@code -} (until the year 2109) and a hash with a hex digit.
 */
public final class TokenKeys {
    /** What a JWT payload starts with, so that its jti's time sits at a fixed place of the token. */
    static final String JWT_PAYLOAD_START = "{\"jti\":\"";
    private static final byte[] JWT_PAYLOAD_START_BYTES = JWT_PAYLOAD_START.getBytes(StandardCharsets.US_ASCII);
    private static final int TIME_CHARS = TimeOrderedIds.TIME_CHARS;
    /** Base64url characters that hold the payload's start and the time: whole groups of 4. */
    private static final int JWT_PREFIX_CHARS = (JWT_PAYLOAD_START_BYTES.length + TIME_CHARS + 2) / 3 * 4;
    private static final int OPAQUE_LENGTH = TIME_CHARS + 43;

    private TokenKeys() {
    }

    /**
     * A new opaque token (code, refresh or reference access token) made at {@code at}: led by the
     * time when {@code timed} ({@link dev.connect.oauth.application.OAuthPolicy#timedTokenKeys}),
     * else 256 random bits alone, as before keys were timed.
     */
    static String newOpaque(Instant at, SecretGenerator generator, boolean timed) {
        return timed ? TimeOrderedIds.time(at) + generator.secret() : generator.secret();
    }

    /**
     * The key a new token is stored by: {@link #of}, or while keys are not {@code timed} its bare
     * hash, which the nodes of a release before timed keys find too (a JWT's payload starts with
     * its {@code jti} all the same, so {@link #find} looks for both).
     */
    static SecretHash ofNew(String token, SecretHasher hasher, boolean timed) {
        return timed ? of(token, hasher) : hasher.hash(token);
    }

    /** The key {@code token} is stored and found by. */
    public static SecretHash of(String token, SecretHasher hasher) {
        SecretHash hash = hasher.hash(token);
        return timeOf(token).map(time -> SecretHash.timed(time, hash)).orElse(hash);
    }

    /**
     * What {@code lookup} finds for an access token: by its {@link #of key}, else, when the key is
     * timed, by its bare hash, which is how {@link #ofNew} kept it while keys were not timed.
     */
    static <T> Optional<T> find(String token, SecretHasher hasher, Function<SecretHash, Optional<T>> lookup) {
        SecretHash hash = hasher.hash(token);
        Optional<String> time = timeOf(token);
        if (time.isEmpty()) {
            return lookup.apply(hash);
        }
        return lookup.apply(SecretHash.timed(time.get(), hash)).or(() -> lookup.apply(hash));
    }

    /** The time {@code token} starts with, when it is one of the tokens made with it. */
    private static Optional<String> timeOf(String token) {
        if (token.length() == OPAQUE_LENGTH) {
            return time(token.substring(0, TIME_CHARS));
        }
        int payload = token.indexOf('.') + 1;
        if (payload == 0 || token.length() < payload + JWT_PREFIX_CHARS) {
            return Optional.empty();
        }
        byte[] start;
        try {
            start = Base64.getUrlDecoder().decode(token.substring(payload, payload + JWT_PREFIX_CHARS));
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
        int timeStart = JWT_PAYLOAD_START_BYTES.length;
        if (!Arrays.equals(start, 0, timeStart, JWT_PAYLOAD_START_BYTES, 0, timeStart)) {
            return Optional.empty();
        }
        return time(new String(start, timeStart, TIME_CHARS, StandardCharsets.US_ASCII));
    }

    private static Optional<String> time(String candidate) {
        return TimeOrderedIds.isTime(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
