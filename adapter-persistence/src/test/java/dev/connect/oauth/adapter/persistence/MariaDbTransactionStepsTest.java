package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JooqDatabase#inSteps} on MariaDB: each step is one statement sent (a multi-statement that
 * also opens or commits the transaction), each of its statements' changed rows comes back, and a
 * failure in the last step leaves nothing of the transaction and no transaction open.
 */
class MariaDbTransactionStepsTest {
    private final AtomicInteger sent = new AtomicInteger();
    private MariaDbTestDatabase database;
    private PersistenceAdapter adapter;
    private StorePorts store;
    private Connection connection;
    private JooqDatabase steps;
    private Client client;
    private Account account;

    @BeforeEach
    void open() throws SQLException {
        database = MariaDbTestDatabase.create();
        adapter = PersistenceAdapter.open(database.settings());
        store = TestDatabase.portsOf(adapter);
        client = TestClients.confidential().build();
        account = TestAccounts.customer().build();
        store.clients().add(client);
        store.accounts().add(account, TestAccounts.keyOf(account));
        Properties properties = new Properties();
        properties.setProperty("user", "root");
        properties.setProperty("allowMultiQueries", "true"); // as the pool allows them (ConnectionPool)
        connection = DriverManager.getConnection(database.settings().jdbcUrl(), properties);
        steps = new JooqDatabase(DSL.using(new DefaultConfiguration().set(connection).set(SQLDialect.MYSQL)
                .set(new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        sent.incrementAndGet();
                    }
                })));
    }

    @AfterEach
    void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void inStepsThenOneStatementSentPerStepAndTheRowsEachStatementChanged() throws SQLException {
        Grant standing = stored();
        Grant added = TestGrants.of(client, account);

        int[] changed = steps.inSteps(tx -> {
            int[] rows = tx.run(List.of(revoke(tx.dsl(), standing.id().value()), revoke(tx.dsl(), "unknown"),
                    revoke(tx.dsl(), standing.id().value())));
            tx.commit(List.of(insert(tx.dsl(), added)));
            return rows;
        });

        assertThat(changed).containsExactly(1, 0, 0);
        assertThat(sent).as("statements sent").hasValue(2);
        assertThat(revoked(standing)).isTrue();
        assertThat(exists(added)).isTrue();
        assertThat(inTransaction()).isFalse();
    }

    @Test
    void inStepsWhenOnlyRowsToCommitThenOneStatementSent() throws SQLException {
        Grant added = TestGrants.of(client, account);

        steps.inSteps(tx -> {
            tx.commit(List.of(insert(tx.dsl(), added)));
            return null;
        });

        assertThat(sent).hasValue(1);
        assertThat(exists(added)).isTrue();
        assertThat(inTransaction()).isFalse();
    }

    @Test
    void inStepsWhenTheCommitStepFailsThenNothingStaysAndNoTransactionIsLeftOpen() throws SQLException {
        Grant standing = stored();
        Grant added = TestGrants.of(client, account);

        assertThatThrownBy(() -> steps.inSteps(tx -> {
            tx.run(List.of(revoke(tx.dsl(), standing.id().value())));
            tx.commit(List.of(insert(tx.dsl(), added), insert(tx.dsl(), standing)));
            return null;
        })).hasRootCauseInstanceOf(SQLIntegrityConstraintViolationException.class);

        assertThat(revoked(standing)).isFalse();
        assertThat(exists(added)).isFalse();
        assertThat(inTransaction()).isFalse();
    }

    @Test
    void inStepsWhenNothingRunsThenNothingIsSent() {
        steps.inSteps(tx -> {
            tx.commit(List.of());
            return null;
        });

        assertThat(sent).hasValue(0);
    }

    private Grant stored() {
        Grant grant = TestGrants.of(client, account);
        store.grants().add(grant);
        return grant;
    }

    private static Query revoke(DSLContext ctx, String grantId) {
        return ctx.update(GRANTS).set(GRANTS.REVOKED_AT, 1L).where(GRANTS.ID.eq(grantId).and(GRANTS.REVOKED_AT.isNull()));
    }

    private static Query insert(DSLContext ctx, Grant grant) {
        return ctx.insertInto(GRANTS).set(GrantMapper.toRecord(grant));
    }

    private boolean revoked(Grant grant) throws SQLException {
        return query("SELECT COUNT(*) FROM grants WHERE id = '" + grant.id().value() + "' AND revoked_at IS NOT NULL") == 1;
    }

    private boolean exists(Grant grant) throws SQLException {
        return query("SELECT COUNT(*) FROM grants WHERE id = '" + grant.id().value() + "'") == 1;
    }

    private boolean inTransaction() throws SQLException {
        return query("SELECT @@in_transaction") == 1;
    }

    private int query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
