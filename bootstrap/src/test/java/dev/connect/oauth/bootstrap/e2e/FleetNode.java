package dev.connect.oauth.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One server node as a real OS process: {@code java -jar bootstrap/target/connect-oauth.jar} on the
 * JDK running the build, configured by {@code CONNECT_*} variables only, listening on a free port of
 * 127.0.0.1, its output in a log file. Unlike an in-process {@link E2eServer}, it can die the way
 * production nodes die: {@link #kill} is {@code kill -9}.
 */
final class FleetNode implements AutoCloseable {
    /** The fat jar, passed by the build ({@code bootstrap/pom.xml}); the default fits a run from {@code bootstrap/}. */
    private static final Path JAR = Path.of(System.getProperty("fleet.jar", "target/connect-oauth.jar"));
    /**
     * Small heap and C1 only: several nodes share a 2-core CI machine with the build and the
     * databases, and the tests need correctness under load, not peak throughput.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** A guard against a node that never gets ready, far above the seconds a start takes. */
    private static final Duration READY_WAIT = Duration.ofMinutes(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final int LOG_LINES_SHOWN = 200;

    private final String name;
    private final Process process;
    private final Path log;
    private final E2eServer api;

    private FleetNode(String name, Process process, Path log, E2eServer api) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.api = api;
    }

    /**
     * Starts a node with {@code settings} (its host and port are added here) and waits until it
     * answers {@code /health/ready}; {@code adminKey} is the key of the fleet's bootstrap admin.
     */
    static FleetNode start(String name, Map<String, String> settings, String adminKey, Path logDir)
            throws IOException, InterruptedException {
        Objects.requireNonNull(settings, "settings");
        int port = E2eServer.freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(logDir.toFile());
        // Only what the test says configures the node, never a CONNECT_* variable of the build's shell.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("CONNECT_"));
        builder.environment().putAll(settings);
        builder.environment().put("CONNECT_HTTP_HOST", E2eServer.HOST);
        builder.environment().put("CONNECT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("CONNECT_ADMIN_PORT", "0");
        FleetNode node = new FleetNode(name, builder.start(), log,
                E2eServer.at("http://" + E2eServer.HOST + ":" + port, adminKey));
        try {
            node.awaitReady();
        } catch (InterruptedException | RuntimeException | AssertionError e) {
            node.kill();
            throw e;
        }
        return node;
    }

    String name() {
        return name;
    }

    /** The admin and HTTP calls of the node, as for an in-process server. */
    E2eServer api() {
        return api;
    }

    E2eRequest request(String method, String pathAndQuery) {
        return api.request(method, pathAndQuery);
    }

    /** {@code kill -9}: the process ends at once, with requests in flight and nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A graceful stop (SIGTERM, the shutdown hook closes the server), or {@code kill -9} when it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The end of the node's log, for the report of a failed test. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "---- " + name + " (" + log + ", last " + LOG_LINES_SHOWN + " of " + lines.size() + " lines) ----"
                    + System.lineSeparator()
                    + String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
        } catch (IOException e) {
            return "---- " + name + ": log " + log + " unreadable: " + e;
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " exited with code " + process.exitValue() + " while starting"
                        + System.lineSeparator() + logTail());
            }
            if (ready()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Node " + name + " not ready within " + READY_WAIT + System.lineSeparator() + logTail());
    }

    private boolean ready() {
        try {
            return request("GET", "/health/ready").send().status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }
}
