package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.SecretGenerator;
import java.time.Instant;
import java.util.Objects;

/**
 * Identifiers for the rows the token endpoint writes most (access and refresh tokens, client
 * credentials grants) that sort as they were made: the millisecond they were made in 8 characters
 * of the base64url characters put in byte order, then a random {@link SecretGenerator#identifier()}.
 * The store keys rows by them, so a new row lands at the end of the primary key, not on a random
 * page of it: random keys spread inserts over the whole index, which then all has to stay in the
 * database's buffer pool as the tables grow. The time they reveal is the token's {@code iat}.
 */
final class TimeOrderedIds {
    /** The 64 characters of base64url (RFC 4648 §5) in ascending byte order. */
    private static final String ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    /** 8 × 6 bits of milliseconds since the epoch: enough until the year 10889. */
    static final int TIME_CHARS = 8;

    private final SecretGenerator generator;

    TimeOrderedIds(SecretGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** A new identifier made at {@code at}: after every one made at an earlier millisecond. */
    String next(Instant at) {
        return time(at) + generator.identifier();
    }

    /** The {@value #TIME_CHARS} characters an identifier made at {@code at} starts with. */
    static String time(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0) {
            throw new IllegalArgumentException("An identifier's time starts at the epoch");
        }
        char[] time = new char[TIME_CHARS];
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            time[i] = ALPHABET.charAt((int) (millis & 63));
            millis >>>= 6;
        }
        return new String(time);
    }

    /** Whether {@code value} is a time as {@link #time} writes it. */
    static boolean isTime(String value) {
        if (value.length() != TIME_CHARS) {
            return false;
        }
        for (int i = 0; i < TIME_CHARS; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
