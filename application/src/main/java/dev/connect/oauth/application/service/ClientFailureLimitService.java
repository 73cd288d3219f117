package dev.connect.oauth.application.service;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.LimitClientFailuresUseCase;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LimitClientFailuresUseCase}: failed client authentications counted per claimed client id
 * and source in the shared {@link AttemptCounterStore}, and the pairs found over their limit kept
 * in this node's memory until their window ends, so that a successful request never waits for
 * the store. The memory is bounded: at most {@link #MAX_BLOCKED} pairs, keyed by hash (a claimed
 * client id may be long), the least recently seen dropped first, ended ones dropped when seen.
 */
@Singleton
public final class ClientFailureLimitService implements LimitClientFailuresUseCase {
    static final int MAX_BLOCKED = 100_000;

    private final AttemptCounterStore counters;
    private final SecretHasher hasher;
    private final AbuseLimits limits;
    private final Clock clock;
    private final Map<SecretHash, Instant> blockedUntil = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SecretHash, Instant> eldest) {
            return size() > MAX_BLOCKED;
        }
    };

    @Inject
    public ClientFailureLimitService(AttemptCounterStore counters, SecretHasher hasher, AbuseLimits limits,
                                     Clock clock) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Duration> waitBefore(String claimedClientId, RequestSource source) {
        SecretHash key = key(claimedClientId, source);
        Instant now = clock.instant();
        synchronized (blockedUntil) {
            Instant until = blockedUntil.get(key);
            if (until == null) {
                return Optional.empty();
            }
            if (!until.isAfter(now)) {
                blockedUntil.remove(key);
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, until));
        }
    }

    @Override
    public Optional<Duration> recordFailure(String claimedClientId, RequestSource source) {
        SecretHash key = key(claimedClientId, source);
        Instant now = clock.instant();
        AttemptCount count = counters.add(key, now, limits.clientFailureWindow());
        if (count.hits() < limits.clientFailuresPerSource()) {
            return Optional.empty();
        }
        synchronized (blockedUntil) {
            blockedUntil.put(key, count.windowEndsAt());
        }
        return Optional.of(Duration.between(now, count.windowEndsAt()));
    }

    private SecretHash key(String claimedClientId, RequestSource source) {
        Objects.requireNonNull(claimedClientId, "claimedClientId");
        Objects.requireNonNull(source, "source");
        // A source holds no line break, so the last one splits the pair: no two pairs share a key.
        return hasher.hash("client authentication failures of client and source\n" + claimedClientId + "\n" + source.value());
    }
}
