package dev.connect.oauth.bootstrap.e2e;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;

/**
 * Token traffic of one {@link FleetClient} over the nodes in service, as a load balancer spreads
 * it: one worker per refresh-token chain, each alternating a {@code client_credentials} issue with a
 * rotation of its chain, until {@link #stop}. Every answer is recorded with its node and time, every
 * token answered 200 kept for the checks afterwards. A call whose connection breaks (its node died
 * with it in flight) is sent again to a node in service, as a client or a load balancer retries;
 * a rotation answered 503 is retried with the same refresh token, as RFC 6749 clients do.
 */
final class TokenTraffic {
    /** A guard against a fleet that stopped answering, far above the seconds a bounded load takes. */
    private static final Duration AWAIT_GUARD = Duration.ofMinutes(3);

    /** One answer: when ({@link System#nanoTime}), from which node, its status and whether it had {@code Retry-After}. */
    record Answer(long at, String node, int status, boolean retryAfter) {
    }

    private final FleetClient client;
    private final AtomicReferenceArray<String> chains;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String> accessTokens = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextNode = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger brokenChains = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile List<FleetNode> inService;
    private volatile boolean stopping;

    private TokenTraffic(FleetClient client, List<FleetNode> inService, List<String> chains) {
        this.client = Objects.requireNonNull(client, "client");
        this.inService = List.copyOf(inService);
        this.chains = new AtomicReferenceArray<>(chains.toArray(String[]::new));
    }

    /** Starts one worker per refresh token in {@code chains}, over {@code inService}. */
    static TokenTraffic start(FleetClient client, List<FleetNode> inService, List<String> chains) {
        TokenTraffic traffic = new TokenTraffic(client, inService, chains);
        for (int worker = 0; worker < chains.size(); worker++) {
            int chain = worker;
            traffic.workers.add(Thread.ofPlatform().name("traffic-" + worker).daemon().start(() -> traffic.work(chain)));
        }
        return traffic;
    }

    /** The nodes new calls go to from now on (a load balancer taking a node out, or adding one). */
    void inService(List<FleetNode> nodes) {
        inService = List.copyOf(nodes);
    }

    int answered() {
        return answers.size();
    }

    /** Waits (polling) until {@code condition} holds; fails after a guard of minutes. */
    void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT_GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Traffic stalled: " + answered() + " answers after " + AWAIT_GUARD);
            }
            Thread.sleep(10);
        }
    }

    /** Stops the workers once their calls in flight are answered. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread worker : workers) {
            worker.join();
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    Collection<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    /** The newest refresh token of every chain still alive: each must still rotate. */
    List<String> refreshTokens() {
        List<String> heads = new ArrayList<>();
        for (int chain = 0; chain < chains.length(); chain++) {
            Optional.ofNullable(chains.get(chain)).ifPresent(heads::add);
        }
        return heads;
    }

    /** Calls whose connection broke (their node died), each sent again. */
    int dropped() {
        return dropped.get();
    }

    /** Chains whose rotation was refused (the grant revoked): their tokens are lost. */
    int brokenChains() {
        return brokenChains.get();
    }

    private void work(int chain) {
        for (long call = 0; !stopping; ) {
            List<FleetNode> nodes = inService;
            FleetNode node = nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size()));
            String refreshToken = call % 2 == 1 ? chains.get(chain) : null;
            Reply reply;
            try {
                reply = refreshToken == null ? client.clientCredentials(node) : client.refresh(node, refreshToken);
            } catch (UncheckedIOException connectionBroke) {
                dropped.incrementAndGet();
                continue;
            }
            answers.add(new Answer(System.nanoTime(), node.name(), reply.status(), reply.header("Retry-After") != null));
            call++;
            if (reply.status() == 200) {
                accessTokens.add(reply.json().getString("access_token"));
                if (refreshToken != null) {
                    chains.set(chain, reply.json().getString("refresh_token"));
                }
            } else if (refreshToken != null && reply.status() == 400) {
                brokenChains.incrementAndGet();
                chains.set(chain, null);
            }
        }
    }
}
