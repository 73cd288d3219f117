package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 keeps every write it committed when its process dies the moment after, as
 * with {@code kill -9}: a child JVM stores grants with their access tokens through the group commit,
 * prints each token's hash once the write returned, and halts (no shutdown hook, no close). The
 * database, opened again, holds every token printed.
 */
class H2KilledProcessTest {
    private static final int WRITES = 20;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void writeWhenTheProcessDiesRightAfterThenTheCommittedTokensSurvive() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dataDir.toString(),
                String.valueOf(WRITES)).redirectErrorStream(true).start();
        List<String> output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(child.waitFor(Caller.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<String> committed = output.stream().filter(line -> line.startsWith(Writer.COMMITTED))
                .map(line -> line.substring(Writer.COMMITTED.length())).toList();
        assertThat(committed).as("the child's output: %s", output).hasSize(WRITES);

        try (PersistenceAdapter adapter = PersistenceAdapter.open(DatabaseSettings.embedded(dataDir))) {
            StorePorts store = TestDatabase.portsOf(adapter);
            assertThat(committed).allSatisfy(hash ->
                    assertThat(store.tokens().findAccessToken(new SecretHash(hash))).as(hash).isPresent());
        }
    }

    /** The child process: writes, reports each write that returned, then dies without closing anything. */
    static final class Writer {
        static final String COMMITTED = "committed ";

        public static void main(String[] args) {
            PersistenceAdapter adapter = PersistenceAdapter.open(DatabaseSettings.embedded(Path.of(args[0])));
            StorePorts store = TestDatabase.portsOf(adapter);
            Client client = TestClients.confidential().build();
            Account account = TestAccounts.customer().build();
            store.clients().add(client);
            store.accounts().add(account, TestAccounts.keyOf(account));
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                Grant grant = TestGrants.of(client, account);
                AccessToken token = TestTokens.access(grant).build();
                store.tokens().addWithGrant(grant, token);
                System.out.println(COMMITTED + token.hash().hex());
            }
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
