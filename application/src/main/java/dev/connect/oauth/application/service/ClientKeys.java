package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.ClientKeysUnavailableException;
import dev.connect.oauth.domain.Client;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The public keys that verify a client's assertions: its inline {@code jwks}, or the set at its
 * {@code jwks_uri}, fetched through the {@link ClientKeysFetcher} and kept for {@link #TTL} in a
 * bounded cache on this node. An assertion naming a {@code kid} the cached set lacks refetches once
 * (the client rotated its keys), but no more often than every {@link #MIN_REFETCH_INTERVAL} per URI,
 * so that made-up key ids cannot turn the server into a request amplifier.
 */
final class ClientKeys {
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);
    static final int MAX_CACHED_URIS = 1000;

    private record Fetched(String jwkSet, Instant at) {
    }

    private final ClientKeysFetcher fetcher;
    private final ClientAssertionCodec codec;
    private final Clock clock;
    private final Map<String, Fetched> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fetched> eldest) {
            return size() > MAX_CACHED_URIS;
        }
    };

    ClientKeys(ClientKeysFetcher fetcher, ClientAssertionCodec codec, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The JWK Set that verifies {@code client}'s assertion naming {@code keyId}; empty when it has none or it cannot be had. */
    Optional<String> jwkSetOf(Client client, Optional<String> keyId) {
        if (client.auth().jwks().isPresent()) {
            return client.auth().jwks();
        }
        Optional<String> uri = client.auth().jwksUri();
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Fetched> cached = cached(uri.get());
        if (cached.isPresent() && cached.get().at().plus(TTL).isAfter(now)) {
            boolean knowsKey = keyId.map(kid -> codec.containsKey(cached.get().jwkSet(), kid)).orElse(true);
            if (knowsKey || cached.get().at().plus(MIN_REFETCH_INTERVAL).isAfter(now)) {
                return Optional.of(cached.get().jwkSet());
            }
        }
        try {
            String fetched = fetcher.fetch(uri.get());
            synchronized (cache) {
                cache.put(uri.get(), new Fetched(fetched, now));
            }
            return Optional.of(fetched);
        } catch (ClientKeysUnavailableException e) {
            return cached.filter(stale -> stale.at().plus(TTL).isAfter(now)).map(Fetched::jwkSet);
        }
    }

    private Optional<Fetched> cached(String uri) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(uri));
        }
    }
}
