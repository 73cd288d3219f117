package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.Client;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revocation poll every node runs each second reads by the revocation times' indexes on H2
 * too, with thousands of tokens stored and analyzed: H2 read every stored token for it before, by
 * the expiry's index or, joining the grants, by a scan of the tokens (4,487 page reads at 10⁴).
 */
class H2RevocationPollPlanTest {
    @TempDir
    Path dataDir;

    @Test
    void revokedSinceThenReadByTheRevocationIndexesOnly() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir);
        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings);
             Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            Client client = TestClients.confidential().build();
            adapter.clients().add(client);
            storeTokens(connection, client, 3_000);
            List<String> sent = new ArrayList<>();
            JooqDatabase capturing = new JooqDatabase(DSL.using(new DefaultConfiguration().set(connection)
                    .set(SQLDialect.H2).set(new ExecuteListener() {
                        @Override
                        public void executeStart(ExecuteContext ctx) {
                            sent.add(ctx.dsl().renderInlined(ctx.query()));
                        }
                    })));

            new JooqAccessTokenLookup(capturing).revokedSince(MutableClock.START);

            assertThat(sent).hasSize(1);
            String plan = explain(connection, sent.get(0));
            assertThat(plan).contains("ix_access_tokens_revoked_at", "ix_grants_revoked_at")
                    .doesNotContain("ix_access_tokens_expires_at", "tableScan");
        }
    }

    /** {@code count} grants with an access token each, none revoked, and the statistics H2 plans by. */
    private static void storeTokens(Connection connection, Client client, int count) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO grants (id, client_id, scopes, created_at) SELECT CONCAT('g', \"X\"), '"
                    + client.id().value() + "', 'read', 1 FROM SYSTEM_RANGE(1, " + count + ")");
            sql.execute("INSERT INTO access_tokens (id, hash, grant_id, client_id, scopes, issued_at, expires_at)"
                    + " SELECT CONCAT('a', \"X\"), CONCAT('h', \"X\"), CONCAT('g', \"X\"), '" + client.id().value()
                    + "', 'read', 1, " + Long.MAX_VALUE + " FROM SYSTEM_RANGE(1, " + count + ")");
            sql.execute("ANALYZE");
        }
    }

    private static String explain(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN " + query)) {
            plan.next();
            return plan.getString(1);
        }
    }
}
