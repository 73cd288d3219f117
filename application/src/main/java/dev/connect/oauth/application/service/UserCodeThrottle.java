package dev.connect.oauth.application.service;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The wrong-user-code limits of {@link AbuseLimits} (RFC 8628 §5.1: "rate-limit ... user code
 * entry"), on the shared {@link AttemptCounterStore}: per source, so one address cannot sweep the
 * code space, and per account, so one account cannot sweep it from many addresses. A check before
 * the lookup (one read of two rows), a wrong code counted after (two upserts). Attempts in flight
 * at the same moment all pass the check, so a limit may be overshot by that many.
 */
final class UserCodeThrottle {
    private final AttemptCounterStore counters;
    private final SecretHasher hasher;

    UserCodeThrottle(AttemptCounterStore counters, SecretHasher hasher) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** Refuses the attempt when its source or account reached its limit. */
    void check(UserCodeAttempt attempt, Instant now) {
        List<SecretHash> keys = keys(attempt);
        Map<SecretHash, AttemptCount> counts = counters.find(keys, now);
        Optional<Instant> until = reached(counts, keys.get(0), AbuseLimits.USER_CODE_FAILURES_PER_SOURCE)
                .or(() -> reached(counts, keys.get(1), AbuseLimits.USER_CODE_FAILURES_PER_ACCOUNT));
        until.ifPresent(end -> {
            throw new TooManyAttemptsException(Duration.between(now, end));
        });
    }

    void failed(UserCodeAttempt attempt, Instant now) {
        for (SecretHash key : keys(attempt)) {
            counters.add(key, now, AbuseLimits.USER_CODE_FAILURE_WINDOW);
        }
    }

    private static Optional<Instant> reached(Map<SecretHash, AttemptCount> counts, SecretHash key, int limit) {
        return Optional.ofNullable(counts.get(key)).filter(count -> count.hits() >= limit).map(AttemptCount::windowEndsAt);
    }

    private List<SecretHash> keys(UserCodeAttempt attempt) {
        return List.of(hasher.hash("user code failures of source\n" + attempt.source().value()),
                hasher.hash("user code failures of account\n" + attempt.account().value()));
    }
}
