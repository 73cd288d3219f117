package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.ClientKeysUnavailableException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ClientKeysFetcher} answering what {@link #publish} put at a URI, and counting the fetches. */
public final class FakeClientKeysFetcher implements ClientKeysFetcher {
    private final Map<String, String> published = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();

    public void publish(String uri, String jwkSet) {
        published.put(Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(jwkSet, "jwkSet"));
    }

    public void unpublish(String uri) {
        published.remove(uri);
    }

    /** How many fetches were made. */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public String fetch(String jwksUri) {
        fetches.incrementAndGet();
        String jwkSet = published.get(jwksUri);
        if (jwkSet == null) {
            throw new ClientKeysUnavailableException("nothing published at " + jwksUri);
        }
        return jwkSet;
    }
}
