package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public assembly API: the server's own wiring with out-port adapters replaced. */
class ConnectAssemblyTest {
    private static final String ADMIN_KEY = "ck_" + "a".repeat(43);

    @TempDir
    Path dir;

    private ServerConfig config() {
        return ServerConfig.from(Map.of("CONNECT_DATA_DIR", dir.resolve("data").toString(),
                "CONNECT_HTTP_HOST", "127.0.0.1", "CONNECT_HTTP_PORT", "0", "CONNECT_ADMIN_PORT", "0",
                "CONNECT_BOOTSTRAP_ADMIN_EMAIL", "admin@example.com", "CONNECT_BOOTSTRAP_ADMIN_API_KEY", ADMIN_KEY));
    }

    private static int get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void startWhenEveryStorePortReplacedThenServesFromThemAndOpensNoDatabase() throws Exception {
        StorePorts memory = InMemoryPorts.create();

        try (ConnectServer server = ConnectAssembly.of(config()).replaceStore(memory).start()) {
            assertThat(get(server.port(), "/health/ready")).isEqualTo(200);
            assertThat(get(server.port(), "/oauth/jwks")).isEqualTo(200);
            assertThat(memory.accounts().existsWithRole(Role.ADMIN)).isTrue();
            assertThat(memory.signingKeys().findAll()).isNotEmpty();
            assertThatThrownBy(server::schemaMigration).isInstanceOf(IllegalStateException.class);
        }
        assertThat(dir.resolve("data").resolve("connect.mv.db")).doesNotExist();
    }

    @Test
    void startWhenOnePortReplacedThenItServesAndTheDatabaseTheRest() throws Exception {
        RecordingAuditLog audit = new RecordingAuditLog();

        try (ConnectServer server = ConnectAssembly.of(config()).replace(AuditLog.class, audit).start()) {
            assertThat(get(server.port(), "/health/ready")).isEqualTo(200);
            assertThat(server.bootstrappedAdmin()).isPresent();
            assertThat(server.schemaMigration().applied()).isPositive();
        }
        assertThat(audit.events).isNotEmpty();
        assertThat(Files.exists(dir.resolve("data").resolve("connect.mv.db"))).isTrue();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void replaceWhenNotAnOutPortThenRefused() {
        ConnectAssembly assembly = ConnectAssembly.of(config());

        assertThatThrownBy(() -> assembly.replace(Runnable.class, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Runnable");
        assertThatThrownBy(() -> assembly.replace((Class) AuditLog.class, "not an audit log"))
                .isInstanceOf(ClassCastException.class);
    }

    /** An audit log of the host's own: here, a list. */
    private static final class RecordingAuditLog implements AuditLog {
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> recent(int limit) {
            return events.reversed().stream().limit(limit).toList();
        }
    }
}
