package dev.connect.oauth.application.service;

import dev.connect.oauth.application.TokenCachePolicy;
import dev.connect.oauth.application.port.in.RefreshRevocationsUseCase;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's memory of active access tokens and their accounts, keyed by the token's hash, in
 * front of {@link AccessTokenLookup}: {@code /info}, introspection and revocation check a token
 * without a round trip to the store while the token is cached (DESIGN.md, Scale-out).
 *
 * <p>The rules that keep it honest:
 * <ul>
 *   <li>Only tokens active when read are kept, and an entry is dropped once its token expires: the
 *       cache never outlives a token.</li>
 *   <li>At most {@link TokenCachePolicy#maxEntries()} entries: when full, expired entries go first,
 *       then arbitrary ones, down to nine tenths.</li>
 *   <li>Revocations on other nodes: {@link #refresh()} (run every half
 *       {@link TokenCachePolicy#revocationDelay()}) reads the tokens revoked since the previous
 *       successful refresh began, minus {@link TokenCachePolicy#clockSkew()} (revocation times are
 *       stamped by the revoking node's clock, and a transaction commits a little after its stamp),
 *       and forgets them. The cache answers only while its last successful refresh began at most
 *       {@code revocationDelay} ago; past that (a store that does not answer) every check reads the
 *       store, so a revoked token is never accepted longer than the delay.</li>
 *   <li>Revocations on this node are seen at once: {@link #forget} after revoking a known token,
 *       {@link #revokedHere()} after revoking a grant.</li>
 *   <li>A lookup that raced a revocation is not kept: each eviction moves a generation counter,
 *       and an entry read before the counter moved is dropped instead of stored, since the read may
 *       predate the revocation the eviction was for.</li>
 * </ul>
 */
@Singleton
public final class TokenCheckCache implements RefreshRevocationsUseCase {
    /** A longer gap between successful refreshes empties the cache instead of reading every revocation since. */
    static final Duration MAX_CATCH_UP = Duration.ofMinutes(1);

    private final AccessTokenLookup lookup;
    private final TokenCachePolicy policy;
    private final Clock clock;
    private final Map<SecretHash, DescribedAccessToken> entries = new ConcurrentHashMap<>();
    /** Guards evictions, {@link #generation} and insertions; never held across a store call. */
    private final Object evictions = new Object();
    private final ReentrantLock polling = new ReentrantLock();
    private long generation;
    /** When the last successful refresh began (the start at first): the next one reads from there. */
    private Instant polledFrom;
    private volatile Instant freshUntil = Instant.EPOCH;

    @Inject
    public TokenCheckCache(AccessTokenLookup lookup, TokenCachePolicy policy, Clock clock) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.polledFrom = clock.instant();
    }

    /**
     * The active token of {@code hash} from memory alone, never blocking: empty when it is not
     * cached, has expired, or the cache is not fresh enough to answer.
     */
    public Optional<DescribedAccessToken> cached(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        DescribedAccessToken entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!entry.token().isActive(now)) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        return now.isBefore(freshUntil) ? Optional.of(entry) : Optional.empty();
    }

    /** As {@link AccessTokenLookup#findWithAccount}: from memory when it may answer, else from the store (blocking). */
    public Optional<DescribedAccessToken> find(SecretHash hash) {
        Optional<DescribedAccessToken> hit = cached(hash);
        if (hit.isPresent() || policy.maxEntries() == 0) {
            return hit.or(() -> lookup.findWithAccount(hash));
        }
        long before;
        synchronized (evictions) {
            before = generation;
        }
        Optional<DescribedAccessToken> found = lookup.findWithAccount(hash);
        found.filter(described -> described.token().isActive(clock.instant()))
                .ifPresent(described -> remember(hash, described, before));
        return found;
    }

    /** Forgets a token this node has just revoked, so that no later check here accepts it. */
    public void forget(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        synchronized (evictions) {
            generation++;
            entries.remove(hash);
        }
    }

    /**
     * After this node revoked a grant (whose tokens it cannot name): reads the revocations at once;
     * if the store does not answer, forgets everything rather than serve a token of that grant.
     */
    public void revokedHere() {
        if (!refresh()) {
            synchronized (evictions) {
                generation++;
                entries.clear();
            }
        }
    }

    @Override
    public boolean refresh() {
        polling.lock();
        try {
            Instant started = clock.instant();
            if (Duration.between(polledFrom, started).compareTo(MAX_CATCH_UP) > 0) {
                synchronized (evictions) {
                    generation++;
                    entries.clear();
                }
                // Everything cached from now on is read after this moment: revocations before it are in it.
                polledFrom = started;
            }
            List<SecretHash> revoked;
            try {
                revoked = lookup.revokedSince(polledFrom.minus(policy.clockSkew()));
            } catch (RuntimeException unavailable) {
                return false;
            }
            if (!revoked.isEmpty()) {
                synchronized (evictions) {
                    generation++;
                    revoked.forEach(entries::remove);
                }
            }
            polledFrom = started;
            freshUntil = started.plus(policy.revocationDelay());
            return true;
        } finally {
            polling.unlock();
        }
    }

    /** How many tokens are cached now (expired ones not yet dropped included). */
    int size() {
        return entries.size();
    }

    private void remember(SecretHash hash, DescribedAccessToken described, long generationBefore) {
        synchronized (evictions) {
            if (generation != generationBefore) {
                return;
            }
            if (entries.size() >= policy.maxEntries()) {
                makeRoom();
            }
            entries.put(hash, described);
        }
    }

    private void makeRoom() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !entry.token().isActive(now));
        int target = policy.maxEntries() - Math.max(1, policy.maxEntries() / 10);
        Iterator<SecretHash> keys = entries.keySet().iterator();
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
