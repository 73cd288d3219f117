package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.TemporarilyUnavailableException;
import dev.connect.oauth.domain.PasswordHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA");

    private final CountDownLatch hashing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /** Blocks every call until {@link #release}, so a test can hold the one slot for as long as it needs. */
    private final PasswordHasher slow = new PasswordHasher() {
        @Override
        public PasswordHash hash(String password) {
            verify(password, HASH);
            return HASH;
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            hashing.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    };
    private final PasswordHasher bounded = new BoundedPasswordHasher(slow, 1, Duration.ofMillis(50));

    @AfterEach
    void stop() {
        release.countDown();
        threads.close();
    }

    @Test
    void verifyWhenEverySlotBusyThenTemporarilyUnavailableWithRetryAfter() throws Exception {
        Future<Boolean> first = threads.submit(() -> bounded.verify("password", HASH));
        assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> bounded.verify("password", HASH))
                .isInstanceOfSatisfying(TemporarilyUnavailableException.class,
                        busy -> assertThat(busy.retryAfter()).contains(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> bounded.hash("password")).isInstanceOf(TemporarilyUnavailableException.class);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void verifyWhenASlotFreesThenTheNextHashRuns() throws Exception {
        release.countDown();

        assertThat(bounded.verify("password", HASH)).isTrue();
        assertThat(bounded.hash("password")).isEqualTo(HASH);
        assertThat(bounded.verify("password", HASH)).isTrue();
    }

    @Test
    void verifyThenHashesOnAPlatformThreadSoVirtualCallersNeverHoldACarrier() throws Exception {
        release.countDown();
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        PasswordHasher watching = new BoundedPasswordHasher(new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                return HASH;
            }

            @Override
            public boolean verify(String password, PasswordHash hash) {
                virtual.add(Thread.currentThread().isVirtual());
                return true;
            }
        }, 1, Duration.ofSeconds(1));

        assertThat(threads.submit(() -> watching.verify("password", HASH)).get(10, TimeUnit.SECONDS)).isTrue();

        assertThat(virtual).containsExactly(false);
    }

    @Test
    void constructorWhenNoSlotThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedPasswordHasher(slow, 0, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedPasswordHasher(slow, 1, Duration.ofMillis(-1)));
    }
}
