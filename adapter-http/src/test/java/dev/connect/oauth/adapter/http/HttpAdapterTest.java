package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.testdata.TestApplication;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpAdapterTest {
    private final TestApplication app = new TestApplication();
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void constructorWhenPartMissingThenNamesIt() {
        HttpSettings settings = HttpSettings.builder(app.policy).build();

        assertThatThrownBy(() -> new HttpAdapter(null, settings)).hasMessage("useCases");
        assertThatThrownBy(() -> new HttpAdapter(TestServer.useCases(app), null)).hasMessage("settings");
        assertThatThrownBy(() -> TestServer.useCases(app, null, app.checkReadiness)).hasMessage("getJwkSet");
        assertThatThrownBy(() -> TestServer.useCases(app, app.getJwkSet, null)).hasMessage("checkReadiness");
    }

    @Test
    void listenWhenAlreadyListeningThenRefused() {
        try (TestServer server = TestServer.start()) {
            assertThatThrownBy(() -> server.adapter.listen(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join())
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void listenWhenPortNegativeThenRefused() {
        HttpAdapter adapter = new HttpAdapter(TestServer.useCases(app), HttpSettings.builder(app.policy).build());

        assertThatThrownBy(() -> adapter.listen(vertx, "127.0.0.1", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
