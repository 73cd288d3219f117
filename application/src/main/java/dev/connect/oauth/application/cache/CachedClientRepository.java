package dev.connect.oauth.application.cache;

import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A {@link ClientRepository} that keeps each client it found for a short time, so that client
 * authentication at the token endpoint (RFC 6749 §2.3.1) does not read the store on every request.
 *
 * <p><b>Staleness is bounded by the time to live.</b> A client is served from the cache for at
 * most {@code ttl}, counted from before the read that found it, so a change made anywhere in the
 * fleet (a rotated secret, a deleted client) is honoured at most {@code ttl} after it was committed.
 * A change made through this instance drops the client at once: a rotated secret or a deleted client
 * is never honoured on the node that changed it. Only clients that exist are kept; an unknown id
 * is read from the store each time, so a new client is seen at once.
 *
 * <p>The cache holds at most {@code maxEntries} clients and is emptied when full, so a flood of
 * distinct client ids costs reads, never memory. A {@code ttl} of zero turns the cache off.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
public final class CachedClientRepository implements ClientRepository {
    private final ClientRepository store;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<ClientId, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every change made here, so a read that raced a change does not keep what it read. */
    private final AtomicLong changes = new AtomicLong();

    public CachedClientRepository(ClientRepository store, Duration ttl, int maxEntries) {
        this(store, ttl, maxEntries, System::nanoTime);
    }

    CachedClientRepository(ClientRepository store, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must not be negative and maxEntries must be positive");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Objects.requireNonNull(id, "id");
        long now = nanoTime.getAsLong();
        Entry cached = entries.get(id);
        if (cached != null && now - cached.expiresAt() < 0) {
            return Optional.of(cached.client());
        }
        long changesBefore = changes.get();
        Optional<Client> found = store.findById(id);
        if (found.isEmpty() || ttlNanos == 0) {
            entries.remove(id);
            return found;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Entry entry = new Entry(found.get(), now + ttlNanos);
        entries.put(id, entry);
        if (changes.get() != changesBefore) {
            // A change through this instance ran meanwhile: what was read may predate it.
            entries.remove(id, entry);
        }
        return found;
    }

    @Override
    public void add(Client client) {
        store.add(client);
    }

    @Override
    public boolean update(Client client) {
        Objects.requireNonNull(client, "client");
        try {
            return store.update(client);
        } finally {
            forget(client.id());
        }
    }

    @Override
    public boolean replaceSealedSecret(ClientId id, SealedSecret expected, SealedSecret replacement) {
        Objects.requireNonNull(id, "id");
        try {
            return store.replaceSealedSecret(id, expected, replacement);
        } finally {
            forget(id);
        }
    }

    @Override
    public List<Client> findAll() {
        return store.findAll();
    }

    @Override
    public boolean remove(ClientId id, Instant at) {
        Objects.requireNonNull(id, "id");
        try {
            return store.remove(id, at);
        } finally {
            forget(id);
        }
    }

    private void forget(ClientId id) {
        changes.incrementAndGet();
        entries.remove(id);
    }

    /** A client as found, and when it must be read again ({@link System#nanoTime} scale). */
    private record Entry(Client client, long expiresAt) {
    }
}
