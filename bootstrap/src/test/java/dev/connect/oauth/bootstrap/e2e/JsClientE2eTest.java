package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server as a strict, certified JavaScript client library sees it: each test runs one script
 * of {@code e2e-js/} ({@code node e2e-js/<script>.mjs}, oauth4webapi installed by {@code npm ci}
 * from the project's lock file) against the real server, passing the issuer, the clients and a
 * customer's API key in {@code CONNECT_E2E_*} variables. The script exits 0 when every check
 * passed; otherwise its output is the failure message. Skipped without {@code node} or
 * {@code e2e-js/node_modules} (a failure with {@code CI=true}; {@code bin/verify} installs them).
 */
class JsClientE2eTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1/e2e-js/callback");
    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
    private static final String API_RESOURCE = "https://api.example.com/";
    private static final String FILES_RESOURCE = "https://files.example.com/v1";

    @Nested
    @DisplayName("oauth4webapi on H2")
    class OnH2 extends Scripts {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    @DisplayName("oauth4webapi on MariaDB")
    class OnMariaDb extends Scripts {
        OnMariaDb() {
            super(Backend.MARIADB);
        }
    }

    abstract static class Scripts extends ServerSuite {
        private Path scripts;
        private final Map<String, String> environment = new HashMap<>();

        Scripts(Backend backend) {
            super(backend);
        }

        @Override
        void setUp(Path dir) throws Exception {
            scripts = scriptFolder();
            Prerequisite.require(nodeRuns(), "node is not on the PATH");
            Prerequisite.require(Files.isDirectory(scripts.resolve("node_modules/oauth4webapi")),
                    scripts.resolve("node_modules") + " is missing (run: npm ci --prefix e2e-js)");
            List<String> scopes = List.of("connect", "triggers");
            TestClient publicClient = server.registerClient("public", REDIRECT, scopes);
            TestClient confidential = server.registerClient("confidential", REDIRECT, scopes);
            TestClient pairwise = server.registerClient("confidential", REDIRECT, scopes, new JsonObject()
                    .put("subject_type", "pairwise").put("resources", new JsonArray().add(API_RESOURCE).add(FILES_RESOURCE)));
            Customer customer = server.createCustomer("correct horse battery staple");
            environment.put("CONNECT_E2E_ISSUER", server.issuer());
            environment.put("CONNECT_E2E_REDIRECT_URI", REDIRECT.toString());
            environment.put("CONNECT_E2E_PUBLIC_CLIENT_ID", publicClient.id());
            environment.put("CONNECT_E2E_CLIENT_ID", confidential.id());
            environment.put("CONNECT_E2E_CLIENT_SECRET", confidential.secret().orElseThrow());
            environment.put("CONNECT_E2E_PAIRWISE_CLIENT_ID", pairwise.id());
            environment.put("CONNECT_E2E_PAIRWISE_CLIENT_SECRET", pairwise.secret().orElseThrow());
            environment.put("CONNECT_E2E_RESOURCES", API_RESOURCE + " " + FILES_RESOURCE);
            environment.put("CONNECT_E2E_CUSTOMER_API_KEY", customer.apiKey());
            environment.put("CONNECT_E2E_CUSTOMER_ID", customer.id());
            environment.put("CONNECT_E2E_CUSTOMER_EMAIL", customer.email());
            environment.put("CONNECT_E2E_CUSTOMER_NAME", customer.name());
            TestClient mustPush = server.registerClient("public", REDIRECT, scopes,
                    new JsonObject().put("require_pushed_authorization_requests", true));
            environment.put("CONNECT_E2E_PAR_CLIENT_ID", mustPush.id());
            environment.put("CONNECT_E2E_ADMIN_API_KEY", server.adminKey());
        }

        @Test
        void oauthScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("oauth.mjs");
        }

        @Test
        void oidcScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("oidc.mjs");
        }

        @Test
        void pairwiseAndResourcesScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("oidc-pairwise-resources.mjs");
        }

        @Test
        void jwtDcrScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("jwt-dcr.mjs");
        }

        @Test
        void parScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("par.mjs");
        }

        @Test
        void deviceScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("device.mjs");
        }

        @Test
        void dpopScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("dpop.mjs");
        }

        @Test
        void referenceTokensScriptWhenRunThenEveryCheckPasses() throws Exception {
            assertScriptPasses("reference-tokens.mjs");
        }

        private void assertScriptPasses(String script) throws Exception {
            Path log = Files.createTempFile("e2e-js-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder("node", script).directory(scripts.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                Process node = builder.start();
                boolean ended = node.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!ended) {
                    node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                System.out.print(output);
                assertThat(ended).as("%s ended within %d s; its output:%n%s", script, SCRIPT_TIMEOUT_SECONDS, output)
                        .isTrue();
                assertThat(node.exitValue()).as("exit code of node %s; its output:%n%s", script, output).isZero();
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }

    /** {@code e2e-js/} of the checkout: tests run in the module folder, so it is found upwards. */
    private static Path scriptFolder() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("e2e-js/package.json"))) {
                return at.resolve("e2e-js");
            }
        }
        throw new IllegalStateException("No e2e-js/package.json above " + dir);
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
