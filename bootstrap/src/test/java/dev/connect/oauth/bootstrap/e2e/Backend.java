package dev.connect.oauth.bootstrap.e2e;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/** The databases the server runs on: the embedded default and MySQL (MariaDB on 127.0.0.1:3306). */
enum Backend {
    H2 {
        @Override
        Database create(Path dir) {
            return new Database(Map.of("CONNECT_DATA_DIR", dir.resolve("data").toString()), () -> {
            });
        }
    },
    MARIADB {
        @Override
        Database create(Path dir) throws SQLException {
            SharedDatabase database = SharedDatabase.create(SharedDatabase.MARIADB_PORT);
            return new Database(database.environment(SharedDatabase.MARIADB_PORT), database::close);
        }
    };

    /** A database made for one server: the variables that point the server at it, and how to remove it. */
    record Database(Map<String, String> environment, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            cleanup.run();
        }
    }

    @FunctionalInterface
    interface Cleanup {
        void run() throws SQLException;
    }

    abstract Database create(Path dir) throws Exception;
}
