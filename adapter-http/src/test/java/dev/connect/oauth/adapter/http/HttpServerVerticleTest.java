package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Vert.x behaviour {@link HttpAdapter#listen} relies on to serve port 0 from several event loops. */
class HttpServerVerticleTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void whenInstancesAskForPortZeroThenEachGetsItsOwnPort() throws Exception {
        assertThat(portsBound(0)).hasSize(3);
    }

    @Test
    void whenInstancesAskForANegativePortThenTheyShareOneRandomPort() throws Exception {
        assertThat(portsBound(-1)).hasSize(1).allMatch(port -> port > 0);
    }

    private Set<Integer> portsBound(int port) throws Exception {
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        vertx.deployVerticle(() -> new HttpServerVerticle(() -> Router.router(vertx), (request, error) -> request.response().end(),
                        "127.0.0.1", port, Duration.ZERO, HttpSettings.Timeouts.DEFAULT, ports::add), new DeploymentOptions().setInstances(3))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return ports;
    }
}
