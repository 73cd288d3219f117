package dev.connect.oauth.bootstrap.e2e;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * A suite of tests against one server, started once for the test class (starting one per test
 * would multiply the run time by the number of tests). Each suite has a subclass per backend.
 *
 * <p>When a {@link Prerequisite} is missing, every test of the suite is reported as skipped with
 * the reason: a class-level skip would show in the build output as no tests at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSuite {
    private final Backend backend;
    private String skipReason;
    protected E2eServer server;

    ServerSuite(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Variables added to the server's configuration. */
    Map<String, String> settings() {
        return Map.of();
    }

    /** Prepares the suite once the server runs; {@code dir} is the suite's own temporary folder. */
    void setUp(Path dir) throws Exception {
    }

    /** Releases what {@link #setUp} acquired; runs even when set-up failed part way. */
    void tearDown() throws Exception {
    }

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        try {
            server = E2eServer.start(backend, dir, settings());
            setUp(dir);
        } catch (TestAbortedException missing) {
            skipReason = missing.getMessage();
        }
    }

    @BeforeEach
    void skipWhenPrerequisiteMissing() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    void stopServer() throws Exception {
        try {
            tearDown();
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }
}
