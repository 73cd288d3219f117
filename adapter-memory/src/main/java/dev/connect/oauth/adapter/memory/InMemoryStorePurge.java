package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StorePurge;
import dev.connect.oauth.domain.RefreshToken;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link StorePurge} on an {@link InMemoryStore}. */
final class InMemoryStorePurge implements StorePurge {
    private final InMemoryStore store;

    InMemoryStorePurge(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public int deleteExpiredCodes(Instant expiredBefore, int limit) {
        return store.atomically(() -> removeUpTo(store.codes.values(), code -> code.expiresAt().isBefore(expiredBefore), limit));
    }

    @Override
    public int deleteExpiredDeviceAuthorizations(Instant expiredBefore, int limit) {
        return store.atomically(() -> removeUpTo(store.deviceAuthorizations.values(),
                request -> request.expiresAt().isBefore(expiredBefore), limit));
    }

    @Override
    public int deleteExpiredAccessTokens(Instant expiredBefore, int limit) {
        return store.atomically(() -> {
            int removed = removeUpTo(store.accessTokens.values(), token -> token.expiresAt().isBefore(expiredBefore), limit);
            store.accessTokenIds.values().removeIf(id -> !store.accessTokens.containsKey(id));
            return removed;
        });
    }

    @Override
    public int deleteDeadRefreshTokens(Instant expiredBefore, int limit) {
        return store.atomically(() -> {
            Predicate<RefreshToken> dead = token -> token.expiresAt().isBefore(expiredBefore)
                    && store.accessTokens.values().stream().noneMatch(access -> access.refreshTokenId().equals(Optional.of(token.id())))
                    && (store.grants.get(token.grantId()).revokedAt().isPresent()
                            || store.refreshTokens.values().stream().noneMatch(other -> other.grantId().equals(token.grantId())
                                    && !other.expiresAt().isBefore(expiredBefore)));
            List<RefreshToken> doomed = store.refreshTokens.values().stream().filter(dead).limit(limit).toList();
            doomed.forEach(token -> {
                store.refreshTokens.remove(token.id());
                store.refreshTokenIds.remove(token.hash());
            });
            return doomed.size();
        });
    }

    @Override
    public int deleteExpiredSessions(Instant expiredBefore, int limit) {
        return store.atomically(() -> removeUpTo(store.sessions.values(),
                session -> session.expiresAt().isBefore(expiredBefore), limit));
    }

    @Override
    public int deleteExpiredPushedRequests(Instant expiredBefore, int limit) {
        return store.atomically(() -> removeUpTo(store.pushedRequests.values(),
                request -> request.expiresAt().isBefore(expiredBefore), limit));
    }

    @Override
    public int deleteAuditEventsBefore(Instant occurredBefore, int limit) {
        return store.atomically(() -> removeUpTo(store.auditEvents, event -> event.at().isBefore(occurredBefore), limit));
    }

    private static <T> int removeUpTo(Collection<T> rows, Predicate<T> doomed, int limit) {
        List<T> matching = rows.stream().filter(doomed).limit(limit).toList();
        matching.forEach(rows::remove);
        return matching.size();
    }
}
