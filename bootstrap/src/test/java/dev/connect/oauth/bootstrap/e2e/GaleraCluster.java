package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The 3-node MariaDB Galera cluster of {@code .ci/galera} (started by {@code .ci/run}): SQL on
 * 127.0.0.1:3311, 3312 and 3313. Tests attach server nodes to different Galera nodes; only node 3
 * is ever killed here, because other suites run on nodes 1 and 2 meanwhile.
 */
final class GaleraCluster {
    static final int NODE_1 = 3311;
    static final int NODE_2 = 3312;
    static final int NODE_3 = 3313;
    /** The script, passed by the build ({@code bootstrap/pom.xml}); the default fits a run from {@code bootstrap/}. */
    private static final Path SCRIPT = Path.of(System.getProperty("fleet.galera", "../.ci/galera"));
    /** Generous: the script itself waits up to 90 s for a node to catch up with the cluster. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 180;

    private GaleraCluster() {
    }

    /** A fresh database, created through node 1 and replicated to all; a skip (a failure on CI) unless all three are synced. */
    static SharedDatabase createDatabase() throws SQLException {
        Prerequisite.require(IntStream.of(NODE_1, NODE_2, NODE_3).allMatch(GaleraCluster::synced),
                "The Galera cluster is not synced at 127.0.0.1:3311-3313 (start it with `bash .ci/galera start`)");
        return SharedDatabase.create(NODE_1);
    }

    /** {@code kill -9} of Galera node 3, as a crash would. */
    static void killNodeThree() throws IOException, InterruptedException {
        script("kill", "3");
    }

    /** Starts the nodes that are down and waits until every node is synced again. */
    static void startAll() throws IOException, InterruptedException {
        script("start");
    }

    private static boolean synced(int port) {
        if (!SharedDatabase.reachable(port)) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(SharedDatabase.serverUrl(port), SharedDatabase.user(),
                SharedDatabase.password());
             Statement statement = connection.createStatement();
             ResultSet state = statement.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
            return state.next() && "Synced".equals(state.getString(2));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void script(String... arguments) throws IOException, InterruptedException {
        assertThat(SCRIPT).as("the Galera script").exists();
        Path output = Files.createTempFile("galera", ".log");
        try {
            List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output);
            System.out.print(printed);
            assertThat(ended && process.exitValue() == 0).as("bash %s %s: %s", SCRIPT, String.join(" ", arguments), printed)
                    .isTrue();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
