package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flat in table size (issue 8): every hot statement the adapters send, captured as they send it
 * and {@code EXPLAIN}ed on MariaDB with thousands of rows stored, reads its tables by an index,
 * never by a full scan. Skipped without MariaDB, required with {@code CI=true}.
 */
class MariaDbHotQueryPlansTest {
    private static final int ROWS = 3_000;

    private static MariaDbTestDatabase database;
    private static PersistenceAdapter adapter;
    private static StorePorts store;
    private static Connection connection;

    private final List<String> captured = new ArrayList<>();
    private final JooqDatabase capturing = new JooqDatabase(DSL.using(new DefaultConfiguration()
            .set(connection).set(SQLDialect.MYSQL).set(new Settings().withExecuteLogging(false))
            .set(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    if (ctx.query() != null) {
                        captured.add(ctx.dsl().renderInlined(ctx.query()));
                    }
                    // The group commit sends its conditions as a batch.
                    for (Query query : ctx.batchQueries()) {
                        captured.add(ctx.dsl().renderInlined(query));
                    }
                }
            })));
    /** Runs the token endpoint's writes on {@link #capturing}, as the adapters send them. */
    private final GroupCommit writes = new GroupCommit(capturing, 1, 64, 64, Duration.ofSeconds(5),
            new SimpleMeterRegistry());
    /** Runs the lookups by hash on {@link #capturing}, as the adapters send them. */
    private final GroupLookups lookups = new GroupLookups(capturing, 64, 64, Duration.ofSeconds(5));

    @BeforeAll
    static void fill() throws SQLException {
        database = MariaDbTestDatabase.create();
        adapter = PersistenceAdapter.open(database.settings());
        store = TestDatabase.portsOf(adapter);
        connection = DriverManager.getConnection(database.settings().jdbcUrl(), "root", "");
        Client client = TestClients.confidential().build();
        Account account = TestAccounts.customer().build();
        store.clients().add(client);
        store.accounts().add(account, TestAccounts.keyOf(account));
        long start = MutableClock.START.toEpochMilli() * 1_000_000;
        long hour = Duration.ofHours(1).toNanos();
        // Thousands of grants, codes, tokens and sessions, some revoked or expired, through SQL (the Sequence engine).
        try (Statement sql = connection.createStatement()) {
            String seq = " FROM seq_1_to_" + ROWS;
            sql.execute("INSERT INTO grants (id, client_id, account_id, scopes, created_at, revoked_at) SELECT CONCAT('g', seq), '"
                    + client.id().value() + "', '" + account.id().value() + "', 'connect', " + start
                    + ", IF(seq % 10 = 0, " + start + " + seq, NULL)" + seq);
            sql.execute("INSERT INTO authorization_codes (hash, grant_id, client_id, account_id, redirect_uri, scopes, issued_at,"
                    + " expires_at) SELECT SHA2(CONCAT('c', seq), 256), CONCAT('g', seq), '" + client.id().value() + "', '"
                    + account.id().value() + "', 'https://app.example.com/callback', 'connect', " + start + ", "
                    + start + " + seq * 1000000000" + seq);
            sql.execute("INSERT INTO refresh_tokens (id, hash, grant_id, client_id, account_id, scopes, issued_at, expires_at,"
                    + " revoked_at) SELECT CONCAT('r', seq), SHA2(CONCAT('r', seq), 256), CONCAT('g', seq), '"
                    + client.id().value() + "', '" + account.id().value() + "', 'connect', " + start + ", " + start
                    + " + seq * " + hour + ", IF(seq % 7 = 0, " + start + " + seq, NULL)" + seq);
            sql.execute("INSERT INTO access_tokens (id, hash, grant_id, client_id, account_id, scopes, refresh_token_id,"
                    + " issued_at, expires_at, revoked_at) SELECT CONCAT('a', seq), SHA2(CONCAT('a', seq), 256), CONCAT('g', seq), '"
                    + client.id().value() + "', '" + account.id().value() + "', 'connect', CONCAT('r', seq), " + start
                    + ", " + start + " + seq * 1000000000, IF(seq % 5 = 0, " + start + " + seq, NULL)" + seq);
            sql.execute("INSERT INTO browser_sessions (hash, account_id, created_at, expires_at) SELECT SHA2(CONCAT('s', seq), 256), '"
                    + account.id().value() + "', " + start + ", " + start + " + seq * 1000000000" + seq);
            sql.execute("INSERT INTO audit_events (event_type, detail, occurred_at) SELECT 'bench', '', " + start
                    + " + seq * 1000000000" + seq);
            sql.execute("INSERT INTO device_authorizations (device_code_hash, user_code_hash, client_id, scopes, issued_at,"
                    + " expires_at, poll_interval_millis, status, grant_id) SELECT SHA2(CONCAT('d', seq), 256),"
                    + " SHA2(CONCAT('u', seq), 256), '" + client.id().value() + "', 'connect', " + start + ", " + start
                    + " + seq * 1000000000, 5000, IF(seq % 3 = 0, 'APPROVED', 'PENDING'), IF(seq % 3 = 0, CONCAT('g', seq), NULL)"
                    + seq);
            for (String table : List.of("grants", "authorization_codes", "refresh_tokens", "access_tokens",
                    "browser_sessions", "audit_events", "accounts", "clients", "device_authorizations")) {
                sql.execute("ANALYZE TABLE " + table);
            }
        }
    }

    @AfterEach
    void stopWrites() {
        lookups.close();
        writes.close();
    }

    @AfterAll
    static void drop() throws SQLException {
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
    void tokenChecksWhenThousandsStoredThenEveryStatementUsesAnIndex() throws SQLException {
        Grant grant = storedGrant();
        RefreshToken refresh = TestTokens.refresh(grant).build();
        AccessToken access = TestTokens.access(grant).with(refresh).build();
        store.tokens().add(access, Optional.of(refresh));

        new JooqAccessTokenLookup(capturing).findWithAccount(access.hash());
        new JooqTokenRepository(capturing, writes, lookups).findAccessToken(access.hash());
        new JooqTokenRepository(capturing, writes, lookups).findRefreshToken(refresh.hash());
        new JooqTokenRepository(capturing, writes, lookups).findRefreshTokenWithGrant(refresh.hash());
        new JooqAccessTokenLookup(capturing).revokedSince(MutableClock.START.plusSeconds(1));
        new JooqTokenRepository(capturing, writes, lookups).revokeAccessToken(access.id(), MutableClock.START);
        new JooqGrantRepository(capturing).revoke(grant.id(), MutableClock.START);

        assertEveryStatementUsesAnIndex();
    }

    @Test
    void redeemAndRotateWhenThousandsStoredThenEveryStatementUsesAnIndex() throws SQLException {
        Grant grant = storedGrant();
        AuthorizationCode code = TestCodes.from(grant).build();
        store.codes().add(code);
        RefreshToken refresh = TestTokens.refresh(grant).build();
        store.tokens().add(TestTokens.access(grant).with(refresh).build(), Optional.of(refresh));
        RefreshToken next = TestTokens.refresh(grant).parent(refresh).build();

        JooqAuthorizationCodeStore codes = new JooqAuthorizationCodeStore(capturing, writes, lookups);
        codes.find(code.hash(), grant.clientId());
        codes.redeem(code.hash(), grant.clientId(), MutableClock.START);
        new JooqTokenRepository(capturing, writes, lookups).rotate(refresh.id(), MutableClock.START, TestTokens.access(grant).with(next).build(),
                next);

        assertEveryStatementUsesAnIndex();
    }

    @Test
    void deviceGrantWhenThousandsStoredThenEveryStatementUsesAnIndex() throws SQLException {
        Client client = TestClients.confidential().build();
        Account account = TestAccounts.customer().build();
        store.clients().add(client);
        store.accounts().add(account, TestAccounts.keyOf(account));
        SecretHash deviceCode = TestIds.hashOf("device code");
        SecretHash userCode = TestIds.hashOf("user code");
        store.deviceAuthorizations().add(DeviceAuthorization.issue(deviceCode, userCode, client.id(),
                ScopeSet.parse("connect"), MutableClock.START, Duration.ofMinutes(10), Duration.ofSeconds(5)));
        Grant approval = TestGrants.of(client, account);
        RefreshToken refresh = TestTokens.refresh(approval).build();

        JooqDeviceAuthorizationStore requests = new JooqDeviceAuthorizationStore(capturing, writes);
        requests.findByUserCode(userCode);
        requests.findByDeviceCode(deviceCode, client.id());
        requests.recordPoll(deviceCode, Optional.empty(), MutableClock.START.plusSeconds(1), Duration.ofSeconds(5));
        requests.decide(userCode, Optional.of(approval), MutableClock.START.plusSeconds(2));
        requests.redeemAndStore(deviceCode, client.id(), MutableClock.START.plusSeconds(3),
                TestTokens.access(approval).with(refresh).build(), refresh);

        assertEveryStatementUsesAnIndex();
    }

    @Test
    void purgeWhenThousandsStoredThenEveryStatementUsesAnIndex() throws SQLException {
        // A few percent of the rows are past their time, as between two scheduled purges.
        Instant before = MutableClock.START.plusSeconds(ROWS / 30);
        JooqStorePurge purge = new JooqStorePurge(capturing);

        purge.deleteExpiredCodes(before, 1);
        purge.deleteExpiredAccessTokens(before, 1);
        purge.deleteDeadRefreshTokens(before, 1);
        purge.deleteExpiredSessions(before, 1);
        purge.deleteAuditEventsBefore(before, 1);
        purge.deleteExpiredDeviceAuthorizations(before, 1);

        assertEveryStatementUsesAnIndex();
    }

    private Grant storedGrant() {
        Client client = TestClients.confidential().build();
        Account account = TestAccounts.customer().build();
        store.clients().add(client);
        store.accounts().add(account, TestAccounts.keyOf(account));
        Grant grant = TestGrants.of(client, account);
        store.grants().add(grant);
        return grant;
    }

    /** EXPLAINs every captured read, update and delete: no table is read whole ({@code ALL}) or by a whole index. */
    private void assertEveryStatementUsesAnIndex() throws SQLException {
        List<String> explained = captured.stream()
                .filter(sql -> Stream.of("select", "update", "delete").anyMatch(verb -> sql.regionMatches(true, 0, verb, 0, 6)))
                .toList();
        assertThat(explained).isNotEmpty();
        try (Statement sql = connection.createStatement()) {
            for (String statement : explained) {
                List<String> plan = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("EXPLAIN " + statement)) {
                    while (rows.next()) {
                        String table = rows.getString("table");
                        String type = rows.getString("type");
                        String line = table + " " + type + " key=" + rows.getString("key") + " rows=" + rows.getString("rows");
                        plan.add(line);
                        if (table != null && !table.startsWith("<")) {
                            assertThat(type).as("%s%n  in: %s", line, statement).isNotIn("ALL", "index");
                        }
                    }
                }
                System.out.println("PLAN " + plan + " <- " + statement.substring(0, Math.min(140, statement.length())));
            }
        }
    }
}
