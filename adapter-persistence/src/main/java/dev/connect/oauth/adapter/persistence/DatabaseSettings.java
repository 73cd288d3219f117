package dev.connect.oauth.adapter.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is and how long to wait for it.
 *
 * <p>Two kinds of URL are supported: {@code jdbc:mysql://...} for MySQL 8 and MariaDB 10.11+ (the
 * shared store of several nodes), and {@code jdbc:h2:...} for the embedded default of a single
 * node, see {@link #embedded(Path)}. The same migrations and queries run on both.
 *
 * <p>MySQL URLs may name several hosts, as mysql-connector-j reads them: sequential failover
 * {@code jdbc:mysql://h1:3306,h2:3306/db?failOverReadOnly=false} (every connection goes to the first
 * host that answers, so the nodes of a fleet write through one Galera node and rarely conflict) or
 * load balancing {@code jdbc:mysql:loadbalance://h1:3306,h2:3306/db} (connections spread over the
 * hosts; conflicts between them are retried). Replication URLs (one writer, read-only replicas) are
 * refused: every port call may write.
 *
 * @param jdbcUrl           the JDBC URL
 * @param user              the database user
 * @param password          the database password (may be empty, never printed)
 * @param maxPoolSize       the most connections the pool opens
 * @param connectionTimeout how long a caller waits for a connection before the store counts as
 *                          unavailable; also the TCP connect timeout of the MySQL driver
 * @param socketTimeout     how long the MySQL driver waits for an answer on an open connection
 *                          before it gives the connection up: what turns a database that stopped
 *                          answering into a failure instead of a hang. Every query of the adapter
 *                          is an indexed lookup or a single-row write, far below it.
 * @param migrationWait     how long a node starting on MySQL waits while another node migrates the
 *                          schema before it gives up (see {@link PersistenceAdapter#open}); the
 *                          migrating node renews its lease all along, so this bounds a slow
 *                          migration, not a crashed one
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize,
                               Duration connectionTimeout, Duration socketTimeout, Duration migrationWait) {
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MIGRATION_WAIT = Duration.ofMinutes(10);
    /** {@code password=} in the query string or in a multi-host {@code (key=value, ...)} block. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;),]*");
    /** {@code user:password@host}, which mysql-connector-j also accepts before each host. */
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("([/,(][^/,:@()]+:)[^/,@()]*@");
    private static final List<String> MYSQL_PREFIXES = List.of("jdbc:mysql://", "jdbc:mysql:loadbalance://");
    /** HikariCP refuses to wait less than this for a connection. */
    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /**
     * H2 flags: MySQL mode with lower-case names makes H2 accept the MySQL migrations and match the
     * lower-case names jOOQ quotes; the adapter, not a JVM shutdown hook, decides when the database
     * closes, so that requests still running at shutdown finish. Every H2 URL also gets
     * {@link #H2_WRITE_DELAY} (see the constructor).
     */
    static final String H2_FLAGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    /**
     * H2 writes each commit to its file before the commit returns: by default it writes commits up
     * to half a second later, and a process killed in between loses writes whose requests were answered.
     */
    private static final String H2_WRITE_DELAY = "WRITE_DELAY=0";
    private static final Pattern WRITE_DELAY_SET = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=");
    /**
     * The embedded H2's page cache: 1 MiB instead of H2's 64 MiB per GiB of heap (6 MiB under the
     * launcher's {@code -Xmx96m}). H2 keeps the pages it writes and reads there, in the heap; in the
     * larger cache they lived long enough to be promoted and died in the old generation, and under
     * load the serial collector ran a 60-80 ms full collection every second (bench/README.md).
     */
    private static final String EMBEDDED_CACHE_SIZE = ";CACHE_SIZE=1024";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(migrationWait, "migrationWait");
        if (!isMySql(jdbcUrl) && !isH2(jdbcUrl)) {
            throw new IllegalArgumentException(
                    "The database URL must start with jdbc:mysql://, jdbc:mysql:loadbalance:// or jdbc:h2:");
        }
        if (isH2(jdbcUrl) && !WRITE_DELAY_SET.matcher(jdbcUrl).find()) {
            // A given H2 URL is as durable as the embedded default, unless it sets its own delay.
            jdbcUrl = jdbcUrl + (jdbcUrl.endsWith(";") ? "" : ";") + H2_WRITE_DELAY;
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("The pool needs at least one connection");
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("The connection timeout must be at least 250 ms");
        }
        if (socketTimeout.isNegative() || socketTimeout.isZero()) {
            throw new IllegalArgumentException("The socket timeout must be positive");
        }
        if (migrationWait.isNegative() || migrationWait.isZero()) {
            throw new IllegalArgumentException("The migration wait must be positive");
        }
    }

    /** With the {@link #DEFAULT_MIGRATION_WAIT}. */
    public DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize, Duration connectionTimeout,
                            Duration socketTimeout) {
        this(jdbcUrl, user, password, maxPoolSize, connectionTimeout, socketTimeout, DEFAULT_MIGRATION_WAIT);
    }

    /** A database at {@code jdbcUrl} with the default pool size and timeouts. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT);
    }

    /**
     * The embedded default: an H2 database in the file {@code connect.mv.db} of {@code dataDir}
     * (created when missing), used by one process at a time.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        String file = dataDir.toAbsolutePath().normalize().resolve("connect").toString();
        if (file.indexOf(';') >= 0) {
            throw new IllegalArgumentException("The data directory must not contain ';'");
        }
        return of("jdbc:h2:file:" + file + H2_FLAGS + EMBEDDED_CACHE_SIZE, "sa", "");
    }

    /**
     * How many group commits (see {@link GroupCommit}) may run at once: two, so that while one
     * batch waits for its commit's log flush the next gathers the writes that arrive; fewer with a
     * pool of less than four, leaving half of it to reads. More writers only split the waiting
     * writes into smaller batches, each paying its own commit: with eight, MariaDB committed about
     * three writes at a time and spent 0.24 ms of CPU per {@code client_credentials} token, with
     * two, six and 0.17 ms (bench/README.md). On H2 one: its commit writes the batch's pages to the
     * file without waiting for a flush, so there is no wait to overlap, and each commit writes a new
     * chunk of every page it changed: with one writer's larger batches the server spent 6-22 % less
     * CPU per write, and the file's peak under load was a fifth smaller.
     */
    int groupCommitWriters() {
        return isH2(jdbcUrl) ? 1 : Math.clamp(maxPoolSize / 2, 1, 2);
    }

    boolean isMySql() {
        return isMySql(jdbcUrl);
    }

    private static boolean isMySql(String url) {
        return MYSQL_PREFIXES.stream().anyMatch(url::startsWith);
    }

    private static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }

    /** {@code jdbcUrl} with any password it carries replaced by {@code [redacted]}, fit for a log. */
    public static String redacted(String jdbcUrl) {
        String withoutUserInfo = USER_INFO_IN_URL.matcher(jdbcUrl).replaceAll("$1[redacted]@");
        return PASSWORD_IN_URL.matcher(withoutUserInfo).replaceAll("$1[redacted]");
    }

    /** The password stays out of logs and error messages, also when the URL carries one. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redacted(jdbcUrl) + ", user=" + user + ", password=[redacted], maxPoolSize="
                + maxPoolSize + ", connectionTimeout=" + connectionTimeout + ", socketTimeout=" + socketTimeout
                + ", migrationWait=" + migrationWait + "]";
    }
}
