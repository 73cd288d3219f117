package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    @Test
    void embeddedWhenDataDirectoryGivenThenH2FileInMysqlModeThere() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("/srv/connect/data"));

        assertThat(settings.jdbcUrl()).isEqualTo(
                "jdbc:h2:file:/srv/connect/data/connect;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1024;WRITE_DELAY=0");
        assertThat(settings.maxPoolSize()).isEqualTo(DatabaseSettings.DEFAULT_MAX_POOL_SIZE);
        assertThat(settings.connectionTimeout()).isEqualTo(DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    @Test
    void ofWhenH2UrlWithoutWriteDelayThenCommitsAreWrittenAtOnce() {
        assertThat(DatabaseSettings.of("jdbc:h2:file:/srv/db;MODE=MySQL", "sa", "").jdbcUrl())
                .isEqualTo("jdbc:h2:file:/srv/db;MODE=MySQL;WRITE_DELAY=0");
        assertThat(DatabaseSettings.of("jdbc:h2:file:/srv/db;", "sa", "").jdbcUrl())
                .isEqualTo("jdbc:h2:file:/srv/db;WRITE_DELAY=0");
    }

    @Test
    void ofWhenH2UrlSetsItsOwnWriteDelayOrMySqlThenUrlKept() {
        assertThat(DatabaseSettings.of("jdbc:h2:file:/srv/db;write_delay=500", "sa", "").jdbcUrl())
                .isEqualTo("jdbc:h2:file:/srv/db;write_delay=500");
        assertThat(DatabaseSettings.of("jdbc:mysql://db:3306/connect", "root", "").jdbcUrl())
                .isEqualTo("jdbc:mysql://db:3306/connect");
    }

    @Test
    void embeddedWhenRelativeDirectoryThenMadeAbsolute() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("data"));

        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath() + "/connect;");
    }

    @Test
    void embeddedWhenDirectoryHoldsSemicolonThenRejected() {
        assertThatThrownBy(() -> DatabaseSettings.embedded(Path.of("/tmp/a;INIT=RUNSCRIPT")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringThenNeverShowsThePassword() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:mysql://db:3306/connect", "connect", "s3cret-pa55");

        assertThat(settings.toString()).doesNotContain("s3cret-pa55").contains("[redacted]", "jdbc:mysql://db:3306/connect");
    }

    @Test
    void toStringWhenUrlCarriesAPasswordThenHidesIt() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:mysql://db:3306/connect?user=connect&password=s3cret-pa55&ssl=true",
                "connect", "");

        assertThat(settings.toString()).doesNotContain("s3cret-pa55").contains("password=[redacted]&ssl=true");
    }

    @Test
    void constructorWhenMultiHostUrlThenAccepted() {
        assertThat(DatabaseSettings.of("jdbc:mysql://db1:3306,db2:3306,db3:3306/connect?failOverReadOnly=false",
                "u", "").isMySql()).isTrue();
        assertThat(DatabaseSettings.of("jdbc:mysql:loadbalance://db1:3306,db2:3306/connect", "u", "").isMySql())
                .isTrue();
        assertThat(DatabaseSettings.of(
                "jdbc:mysql://address=(host=db1)(port=3306),address=(host=db2)(port=3306)/connect", "u", "").isMySql())
                .isTrue();
    }

    @Test
    void constructorWhenReplicationUrlThenRejected() {
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql:replication://db1,db2/connect", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenMultiHostUrlCarriesPasswordsThenHidesEveryOneAndKeepsTheHosts() {
        String url = "jdbc:mysql://connect:s3cret-pa55@db1:3306,(host=db2,port=3306,user=connect,password=s3cret-pa56),"
                + "address=(host=db3)(port=3306)(password=s3cret-pa57)/connect?password=s3cret-pa58&failOverReadOnly=false";

        String shown = DatabaseSettings.of(url, "connect", "").toString();

        assertThat(shown).doesNotContain("s3cret-pa55", "s3cret-pa56", "s3cret-pa57", "s3cret-pa58")
                .contains("db1:3306", "host=db2", "(host=db3)(port=3306)", "failOverReadOnly=false");
    }

    @Test
    void constructorWhenUrlOfAnotherDatabaseThenRejected() {
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:postgresql://db/connect", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql:");
    }

    @Test
    void constructorWhenBoundsOutOfRangeThenRejected() {
        String url = "jdbc:mysql://db/connect";
        assertThatThrownBy(() -> new DatabaseSettings(url, "u", "p", 0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings(url, "u", "p", 1, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings(url, "u", "p", 1, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings(url, "u", "p", 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorWhenNoMigrationWaitGivenThenTheDefault() {
        assertThat(DatabaseSettings.of("jdbc:mysql://db/connect", "u", "p").migrationWait())
                .isEqualTo(DatabaseSettings.DEFAULT_MIGRATION_WAIT);
    }

    @Test
    void constructorWhenNullThenNamesTheParameter() {
        assertThatThrownBy(() -> DatabaseSettings.of(null, "u", "p")).hasMessage("jdbcUrl");
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:h2:mem:x", null, "p")).hasMessage("user");
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:h2:mem:x", "u", null)).hasMessage("password");
    }

    @Test
    void groupCommitWritersWhenMySqlThenTwoAtMostAndHalfThePoolAtMostAndOneAtLeast() {
        assertThat(withPool(1).groupCommitWriters()).isEqualTo(1);
        assertThat(withPool(3).groupCommitWriters()).isEqualTo(1);
        assertThat(withPool(4).groupCommitWriters()).isEqualTo(2);
        assertThat(withPool(64).groupCommitWriters()).isEqualTo(2);
    }

    @Test
    void groupCommitWritersWhenH2ThenOneWhateverThePool() {
        assertThat(DatabaseSettings.DEFAULT_MAX_POOL_SIZE).isGreaterThanOrEqualTo(4);
        assertThat(DatabaseSettings.of("jdbc:h2:mem:x", "sa", "").groupCommitWriters()).isEqualTo(1);
        assertThat(DatabaseSettings.embedded(Path.of("data")).groupCommitWriters()).isEqualTo(1);
    }

    private static DatabaseSettings withPool(int size) {
        return new DatabaseSettings("jdbc:mysql://127.0.0.1:3306/connect", "root", "", size,
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT, DatabaseSettings.DEFAULT_SOCKET_TIMEOUT);
    }
}
