package dev.connect.oauth.application.service;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sign-in limits of {@link AbuseLimits}, on the shared {@link AttemptCounterStore}: a check
 * before the password is verified (one read of four rows), failures counted after (three upserts),
 * a success resetting its pair and marking its source known (two writes).
 *
 * <p>Keys hash the email as typed (trimmed, lower case), so unknown emails are limited exactly
 * like real ones and the answer tells nothing about which exist. Attempts that run at the same
 * moment all pass the check before any counts, so a limit may be overshot by the number of
 * sign-ins in flight at once (bounded by the use-case executors).
 */
final class SignInThrottle {
    private final AttemptCounterStore counters;
    private final SecretHasher hasher;
    private final AbuseLimits limits;

    SignInThrottle(AttemptCounterStore counters, SecretHasher hasher, AbuseLimits limits) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The counter keys of one attempt. */
    private record Keys(SecretHash pair, SecretHash known, SecretHash account, SecretHash source) {
    }

    /** Refuses the attempt when a limit is reached, before any password is verified. */
    void check(String email, RequestSource source, Instant now) {
        Keys keys = keys(email, source);
        Map<SecretHash, AttemptCount> counts = counters.find(List.of(keys.pair(), keys.known(), keys.account(),
                keys.source()), now);
        Optional<Instant> until = reached(counts, keys.pair(), limits.signInFailuresPerAccountAndSource());
        if (until.isEmpty() && !counts.containsKey(keys.known())) {
            until = reached(counts, keys.account(), limits.signInFailuresPerAccount())
                    .or(() -> reached(counts, keys.source(), limits.signInFailuresPerSource()));
        }
        until.ifPresent(end -> {
            throw new TooManyAttemptsException(Duration.between(now, end));
        });
    }

    void failed(String email, RequestSource source, Instant now) {
        Keys keys = keys(email, source);
        for (SecretHash key : List.of(keys.pair(), keys.account(), keys.source())) {
            counters.add(key, now, limits.signInWindow());
        }
    }

    void succeeded(String email, RequestSource source, Instant now) {
        Keys keys = keys(email, source);
        counters.remove(keys.pair());
        counters.add(keys.known(), now, AbuseLimits.KNOWN_SOURCE_TTL);
    }

    private static Optional<Instant> reached(Map<SecretHash, AttemptCount> counts, SecretHash key, int limit) {
        return Optional.ofNullable(counts.get(key)).filter(count -> count.hits() >= limit).map(AttemptCount::windowEndsAt);
    }

    private Keys keys(String email, RequestSource source) {
        String account = email.strip().toLowerCase(Locale.ROOT);
        // A source holds no line break, so the last one splits a pair: no two pairs share a key.
        String pair = account + "\n" + source.value();
        return new Keys(hasher.hash("sign-in failures of account and source\n" + pair),
                hasher.hash("sign-in source known for account\n" + pair),
                hasher.hash("sign-in failures of account\n" + account),
                hasher.hash("sign-in failures of source\n" + source.value()));
    }
}
