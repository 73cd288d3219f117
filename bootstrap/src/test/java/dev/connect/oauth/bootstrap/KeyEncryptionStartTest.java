package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import dev.connect.oauth.adapter.persistence.DatabaseSettings;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SealedSecret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key-encryption key at start, on the embedded database: generated owner-only into the data
 * folder and reused, a wrong one refused with one line, and a rotation through
 * {@code CONNECT_KEK_PREVIOUS} and {@code rewrap-keys}.
 */
class KeyEncryptionStartTest {
    @TempDir
    Path dir;

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of("CONNECT_DATA_DIR", dir.resolve("data").toString(),
                "CONNECT_HTTP_HOST", "127.0.0.1", "CONNECT_HTTP_PORT", "0",
                "CONNECT_ADMIN_PORT", "0"));
        environment.putAll(extra);
        return environment;
    }

    /** Starts, makes the first signing key (the JWK Set does), stops. */
    private void serve(Map<String, String> extra) throws Exception {
        try (ConnectServer server = ConnectServer.start(ServerConfig.from(environment(extra)))) {
            HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/oauth/jwks")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jwks.statusCode()).isEqualTo(200);
        }
    }

    private static String newKek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void startWhenEmbeddedWithoutKekThenGeneratesOwnerOnlyFileAndReusesIt() throws Exception {
        serve(Map.of());
        Path kek = dir.resolve("data").resolve("kek");
        String generated = Files.readString(kek);

        serve(Map.of());

        assertThat(Files.readString(kek)).isEqualTo(generated);
        if (Files.getFileStore(kek).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek))).isEqualTo("rw-------");
        }
    }

    @Test
    void startThenTheStoredSigningKeyIsSealedNotAJwk() throws Exception {
        serve(Map.of("CONNECT_KEK", newKek()));

        DatabaseSettings embedded = DatabaseSettings.embedded(dir.resolve("data"));
        List<String> stored = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(embedded.jdbcUrl(), embedded.user(), embedded.password());
             ResultSet rows = connection.createStatement().executeQuery("SELECT private_jwk FROM signing_keys")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }

        assertThat(stored).singleElement().satisfies(sealed -> {
            assertThat(sealed).startsWith("A256GCM.").doesNotContain("\"d\"").doesNotContain("kty");
            assertThatThrownBy(() -> JWK.parse(sealed)).isInstanceOf(ParseException.class);
        });
    }

    @Test
    void startWhenWrongKekThenRefusedWithOneLineNamingTheVariable() throws Exception {
        serve(Map.of("CONNECT_KEK", newKek()));

        assertThatThrownBy(() -> serve(Map.of("CONNECT_KEK", newKek()))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CONNECT_KEK does not open the stored signing keys")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rewrapKeysWhenKekRotatedThenOnlyTheNewKekIsNeeded() throws Exception {
        String old = newKek();
        String current = newKek();
        serve(Map.of("CONNECT_KEK", old));
        serve(Map.of("CONNECT_KEK", current, "CONNECT_KEK_PREVIOUS", old));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Main.rewrapKeys(ServerConfig.from(environment(Map.of("CONNECT_KEK", current, "CONNECT_KEK_PREVIOUS", old))),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Sealed 1 signing key(s)");
        serve(Map.of("CONNECT_KEK", current));
        assertThatThrownBy(() -> serve(Map.of("CONNECT_KEK", old))).isInstanceOf(ConfigException.class);
    }

    @Test
    void rewrapKeysWhenKekRotatedThenClientSecretsAreSealedWithTheNewKekToo() throws Exception {
        String old = newKek();
        String current = newKek();
        serve(Map.of("CONNECT_KEK", old));
        ClientId id = new ClientId("hmac-client");
        String secret = "s".repeat(86);
        ServerComponent before = EmbeddedConnect.components(ServerConfig.from(environment(Map.of("CONNECT_KEK", old))));
        try {
            before.clients().add(new Client(id, "HMAC client", ClientType.CONFIDENTIAL, Optional.empty(), List.of(),
                    ScopeSet.parse("connect"), Instant.parse("2026-01-01T00:00:00Z"), ClientOpenIdSettings.DEFAULTS, false,
                    new ClientAuthSettings(ClientAuthMethod.CLIENT_SECRET_JWT, Set.of(GrantType.CLIENT_CREDENTIALS), Set.of(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    Optional.of(before.clientSecrets().seal(id, secret))));
        } finally {
            before.persistence().orElseThrow().close();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Main.rewrapKeys(ServerConfig.from(environment(Map.of("CONNECT_KEK", current, "CONNECT_KEK_PREVIOUS", old))),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("and 1 client secret(s)");
        ServerComponent after = EmbeddedConnect.components(ServerConfig.from(environment(Map.of("CONNECT_KEK", current))));
        try {
            SealedSecret sealed = after.clients().findById(id).orElseThrow().sealedSecret().orElseThrow();
            assertThat(after.clientSecrets().open(id, sealed)).contains(secret);
        } finally {
            after.persistence().orElseThrow().close();
        }
    }
}
