package dev.connect.oauth.application.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.adapter.memory.InMemoryStore;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.domain.Client;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cache's staleness bound: another node's change (made on the store behind the cache's back)
 * is seen once the time to live has passed, a change made through the cache at once.
 */
class CachedClientRepositoryTest {
    private static final Duration TTL = Duration.ofSeconds(1);

    private final InMemoryStore memory = new InMemoryStore();
    /** The store as another node sees it: changes made here bypass the cache. */
    private final ClientRepository otherNode = InMemoryPorts.create(memory).clients();
    private final AtomicLong nanos = new AtomicLong();
    private final CachedClientRepository cache =
            new CachedClientRepository(InMemoryPorts.create(memory).clients(), TTL, 2, nanos::get);

    @Test
    void findByIdWhenAnotherNodeRotatedTheSecretThenOldClientUntilTheTtlThenTheNewOne() {
        Client client = stored();
        assertThat(cache.findById(client.id())).contains(client);
        Client rotated = rotated(client);
        otherNode.update(rotated);

        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(cache.findById(client.id())).contains(client);
        nanos.addAndGet(1);
        assertThat(cache.findById(client.id())).contains(rotated);
    }

    @Test
    void findByIdWhenAnotherNodeDeletedTheClientThenGoneOnceTheTtlPassed() {
        Client client = stored();
        cache.findById(client.id());

        otherNode.remove(client.id(), MutableClock.START);
        nanos.addAndGet(TTL.toNanos());

        assertThat(cache.findById(client.id())).isEmpty();
    }

    @Test
    void updateOrRemoveThroughTheCacheThenSeenAtOnce() {
        Client client = stored();
        cache.findById(client.id());
        Client rotated = rotated(client);

        assertThat(cache.update(rotated)).isTrue();
        assertThat(cache.findById(client.id())).contains(rotated);

        assertThat(cache.remove(client.id(), MutableClock.START)).isTrue();
        assertThat(cache.findById(client.id())).isEmpty();
    }

    @Test
    void findByIdWhenUnknownThenNotCachedSoALaterClientIsFoundAtOnce() {
        Client client = TestClients.confidential().build();
        assertThat(cache.findById(client.id())).isEmpty();

        otherNode.add(client);

        assertThat(cache.findById(client.id())).contains(client);
    }

    @Test
    void findByIdWhenFullThenStartsOverAndStillAnswers() {
        Client first = stored();
        Client second = stored();
        Client third = stored();

        assertThat(cache.findById(first.id())).contains(first);
        assertThat(cache.findById(second.id())).contains(second);
        assertThat(cache.findById(third.id())).contains(third);
        assertThat(cache.findById(first.id())).contains(first);
    }

    @Test
    void findByIdWhenTtlIsZeroThenReadsTheStoreEachTime() {
        CachedClientRepository off = new CachedClientRepository(InMemoryPorts.create(memory).clients(), Duration.ZERO, 2,
                nanos::get);
        Client client = stored();
        off.findById(client.id());

        Client rotated = rotated(client);
        otherNode.update(rotated);

        assertThat(off.findById(client.id())).contains(rotated);
    }

    @Test
    void constructWhenNegativeTtlOrNoRoomThenRefused() {
        assertThatThrownBy(() -> new CachedClientRepository(otherNode, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachedClientRepository(otherNode, TTL, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachedClientRepository(null, TTL, 1)).isInstanceOf(NullPointerException.class);
    }

    private Client stored() {
        Client client = TestClients.confidential().build();
        otherNode.add(client);
        return client;
    }

    private static Client rotated(Client client) {
        return client.withSecretHash(TestClients.confidential().secret("another secret").build().secretHash().orElseThrow());
    }
}
