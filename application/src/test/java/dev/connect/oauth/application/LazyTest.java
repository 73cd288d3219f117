package dev.connect.oauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void getWhenNeverAskedThenNothingMade() {
        AtomicInteger made = new AtomicInteger();
        Lazy.of(made::incrementAndGet);

        assertThat(made).hasValue(0);
    }

    @Test
    void getWhenAskedTwiceThenMadeOnceAndKept() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Integer> lazy = Lazy.of(made::incrementAndGet);

        assertThat(lazy.get()).isEqualTo(1);
        assertThat(lazy.get()).isEqualTo(1);
        assertThat(made).hasValue(1);
    }

    @Test
    void getWhenManyThreadsAskAtOnceThenMadeOnce() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        Lazy<Integer> lazy = Lazy.of(made::incrementAndGet);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(lazy.get());
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(made).hasValue(1);
        assertThat(seen).hasSize(8).containsOnly(1);
    }

    @Test
    void getWhenMakerFailsThenFailsAndTriesAgainNextTime() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "made";
        });

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class);
        assertThat(lazy.get()).isEqualTo("made");
    }

    @Test
    void getWhenMakerReturnsNullThenRefused() {
        assertThatThrownBy(() -> Lazy.of(() -> null).get()).isInstanceOf(NullPointerException.class);
    }
}
