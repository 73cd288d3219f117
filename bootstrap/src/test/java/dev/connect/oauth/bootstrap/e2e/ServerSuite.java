package dev.connect.oauth.bootstrap.e2e;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite of tests against one server, started once for the test class (starting one per test
 * would multiply the run time by the number of tests). Each suite has a subclass per backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSuite {
    private final Backend backend;
    protected E2eServer server;

    ServerSuite(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Variables added to the server's configuration. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        server = E2eServer.start(backend, dir, settings());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
