package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Throws generated hostile input at every endpoint of the running server on MariaDB: malformed
 * and wrongly typed JSON, duplicated, oversized and wrongly encoded form parameters, malformed
 * chunked bodies, junk credentials and headers, odd path parameters and every method on every
 * path, a few thousand requests in all. No answer may be a 5xx or carry a stack trace, every error has the one error
 * shape, and the stored data (everything but the audit trail and the abuse counters, which exist
 * to record such traffic) is byte for byte what it was.
 */
class HostileInputE2eTest extends ServerSuite {
    private static final URI REDIRECT = URI.create("https://app.example.com/callback");
    /** Tables whose rows record the traffic itself and may grow under it. */
    private static final Set<String> RECORDING_TABLES = Set.of("audit_events", "attempt_counters",
            "flyway_schema_history", "connect_migration_lease");
    private static final Pattern LEAK = Pattern.compile("Exception|\\tat |jooq|SQLSTATE", Pattern.CASE_INSENSITIVE);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private Customer customer;
    private TestClient client;

    HostileInputE2eTest() {
        super(Backend.MARIADB);
    }

    @Override
    void setUp(java.nio.file.Path dir) {
        customer = server.createCustomer("correct horse battery");
        client = server.registerClient("confidential", REDIRECT, List.of("connect", "triggers"));
        // The first signing key is made on first use; make it now, so that it is not counted as a change.
        assertThat(server.request("GET", "/oauth/jwks").send().status()).isEqualTo(200);
    }

    /** One endpoint and what it reads: its method, path, body kind and field names. */
    private record Endpoint(String method, String path, String bodyKind, List<String> fields, Credential credential) {
    }

    private enum Credential { NONE, ADMIN_KEY, CUSTOMER_KEY, CLIENT_BASIC }

    /** A request as raw bytes, and what it is, for the failure message. */
    private record Attack(String name, byte[] bytes) {
    }

    @Test
    void whenEndpointsGetHostileInputThenNo5xxNoLeakAndNoStoredChange() throws Exception {
        Map<String, String> before = snapshot();
        List<Attack> attacks = attacks();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Attack attack : attacks) {
            String answer = send(attack.bytes());
            int status = status(answer);
            statuses.merge(status, 1, Integer::sum);
            String problem = problem(status, answer, !attack.name().contains("/metrics"), attack.name().startsWith("HEAD "));
            if (status == 503 && unavailable.size() < 3) {
                unavailable.add(attack.name() + " -> " + answer.substring(answer.indexOf("\r\n\r\n") + 4));
            }
            if (problem != null && failures.size() < 20) {
                failures.add(attack.name() + " -> " + problem + ": " + answer.substring(0, Math.min(300, answer.length())));
            }
        }
        Map<String, String> after = snapshot();
        System.out.printf("HOSTILE requests=%d statuses=%s failures=%d; 503 answers, e.g. %s%n", attacks.size(), statuses,
                failures.size(), unavailable);

        assertThat(attacks).hasSizeGreaterThan(2000);
        assertThat(failures).as("answers that are 5xx, leak internals or break the error shape").isEmpty();
        assertThat(after).as("stored data after the attack").isEqualTo(before);
    }

    private List<Attack> attacks() {
        String admin = server.adminKey();
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/oauth/authorize", "query", List.of("response_type", "client_id", "redirect_uri",
                        "scope", "state", "code_challenge", "code_challenge_method", "nonce", "prompt", "max_age",
                        "login_hint", "ui_locales", "request_uri"), Credential.CUSTOMER_KEY),
                new Endpoint("POST", "/oauth/authorize", "form", List.of("response_type", "client_id", "redirect_uri",
                        "scope", "state", "code_challenge", "code_challenge_method"), Credential.NONE),
                new Endpoint("POST", "/oauth/authorize/sign-in", "form", List.of("email", "password", "csrf",
                        "client_id", "redirect_uri"), Credential.NONE),
                new Endpoint("POST", "/oauth/authorize/consent", "form", List.of("decision", "csrf", "client_id",
                        "redirect_uri", "scope"), Credential.NONE),
                new Endpoint("POST", "/oauth/token", "form", List.of("grant_type", "code", "redirect_uri",
                        "code_verifier", "refresh_token", "scope", "client_id", "client_secret"), Credential.CLIENT_BASIC),
                new Endpoint("POST", "/oauth/token", "json", List.of("grant_type", "code", "refresh_token", "scope"),
                        Credential.CLIENT_BASIC),
                new Endpoint("POST", "/oauth/par", "form", List.of("response_type", "client_id", "redirect_uri",
                        "scope", "state", "code_challenge", "code_challenge_method", "request_uri", "request", "nonce",
                        "prompt", "max_age", "client_secret"), Credential.CLIENT_BASIC),
                new Endpoint("POST", "/oauth/refresh", "form", List.of("refresh_token", "scope"), Credential.CLIENT_BASIC),
                new Endpoint("POST", "/oauth/token", "form", List.of("grant_type", "device_code", "client_assertion",
                        "client_assertion_type", "resource"), Credential.NONE),
                new Endpoint("POST", "/oauth/device_authorization", "form", List.of("client_id", "scope",
                        "client_assertion", "client_assertion_type"), Credential.NONE),
                new Endpoint("GET", "/device", "query", List.of("user_code"), Credential.NONE),
                new Endpoint("POST", "/device", "form", List.of("user_code", "csrf"), Credential.NONE),
                new Endpoint("POST", "/device/sign-in", "form", List.of("email", "password", "csrf", "user_code"),
                        Credential.NONE),
                new Endpoint("POST", "/device/consent", "form", List.of("decision", "csrf", "user_code"), Credential.NONE),
                new Endpoint("POST", "/api/v1/device/approve", "json", List.of("user_code", "decision"),
                        Credential.CUSTOMER_KEY),
                new Endpoint("POST", "/oauth/register", "json", List.of("redirect_uris", "client_name",
                        "token_endpoint_auth_method", "grant_types", "response_types", "jwks", "jwks_uri", "scope"),
                        Credential.NONE),
                new Endpoint("GET", "/oauth/register/{id}", "none", List.of(), Credential.NONE),
                new Endpoint("PUT", "/oauth/register/{id}", "json", List.of("client_id", "redirect_uris", "grant_types"),
                        Credential.NONE),
                new Endpoint("DELETE", "/oauth/register/{id}", "none", List.of(), Credential.NONE),
                new Endpoint("GET", "/oauth/info", "query", List.of("access_token"), Credential.NONE),
                new Endpoint("POST", "/oauth/invalidate", "form", List.of("token"), Credential.NONE),
                new Endpoint("POST", "/oauth/revoke", "form", List.of("token", "token_type_hint"), Credential.CLIENT_BASIC),
                new Endpoint("POST", "/oauth/introspect", "form", List.of("token", "token_type_hint"), Credential.CLIENT_BASIC),
                new Endpoint("GET", "/oauth/jwks", "query", List.of("kid"), Credential.NONE),
                new Endpoint("GET", "/.well-known/oauth-authorization-server", "query", List.of("x"), Credential.NONE),
                new Endpoint("GET", "/.well-known/openid-configuration", "query", List.of("x"), Credential.NONE),
                new Endpoint("POST", "/oauth/userinfo", "form", List.of("access_token"), Credential.NONE),
                new Endpoint("GET", "/oauth/end_session", "query", List.of("id_token_hint", "client_id",
                        "post_logout_redirect_uri", "state", "ui_locales"), Credential.NONE),
                new Endpoint("POST", "/api/v1/accounts", "json", List.of("email", "phone", "name", "password", "role"),
                        Credential.ADMIN_KEY),
                new Endpoint("GET", "/api/v1/accounts/me", "query", List.of("x"), Credential.ADMIN_KEY),
                new Endpoint("DELETE", "/api/v1/accounts/me/api-keys/{id}", "none", List.of(), Credential.ADMIN_KEY),
                new Endpoint("GET", "/api/v1/accounts/me/connections", "query", List.of("x"), Credential.CUSTOMER_KEY),
                new Endpoint("DELETE", "/api/v1/accounts/me/connections/{id}", "none", List.of(), Credential.CUSTOMER_KEY),
                new Endpoint("POST", "/api/v1/clients", "json", List.of("name", "redirect_uris", "scopes", "type",
                        "post_logout_redirect_uris", "subject_type", "default_max_age",
                        "require_pushed_authorization_requests"), Credential.ADMIN_KEY),
                new Endpoint("GET", "/api/v1/clients", "query", List.of("x"), Credential.ADMIN_KEY),
                new Endpoint("GET", "/api/v1/clients/{id}", "none", List.of(), Credential.ADMIN_KEY),
                new Endpoint("DELETE", "/api/v1/clients/{id}", "none", List.of(), Credential.ADMIN_KEY),
                new Endpoint("POST", "/api/v1/clients/{id}/secret", "none", List.of(), Credential.ADMIN_KEY),
                new Endpoint("PUT", "/api/v1/maintenance", "json", List.of("enabled"), Credential.ADMIN_KEY),
                new Endpoint("GET", "/health/ready", "none", List.of(), Credential.NONE),
                new Endpoint("GET", "/metrics", "none", List.of(), Credential.NONE));
        List<Attack> attacks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Map<String, String> headers = credentialHeaders(endpoint.credential(), admin);
            for (String id : junkIds()) {
                String path = endpoint.path().replace("{id}", id);
                attacks.add(attack(endpoint.method() + " " + path, endpoint.method(), path, headers, null, new byte[0]));
            }
            String path = endpoint.path().replace("{id}", "no-such-id");
            attacks.addAll(bodyAttacks(endpoint, path, headers));
            attacks.addAll(headerAttacks(endpoint, path, headers));
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW")) {
                attacks.add(attack(method + " " + path, method, path, headers, FORM, "a=1".getBytes(StandardCharsets.UTF_8)));
            }
        }
        return attacks;
    }

    private List<Attack> bodyAttacks(Endpoint endpoint, String path, Map<String, String> headers) {
        List<Attack> attacks = new ArrayList<>();
        String name = endpoint.method() + " " + path;
        for (String field : endpoint.fields()) {
            for (String value : junkValues()) {
                String encoded = field + "=" + value;
                if (endpoint.bodyKind().equals("query")) {
                    attacks.add(attack(name + "?" + encoded, endpoint.method(), path + "?" + encoded, headers, null, new byte[0]));
                } else {
                    attacks.add(attack(name + " form " + encoded, endpoint.method(), path, headers, FORM,
                            encoded.getBytes(StandardCharsets.ISO_8859_1)));
                }
            }
            String duplicated = field + "=a&" + field + "=b";
            attacks.add(attack(name + " duplicated " + field, endpoint.method(), path, headers, FORM,
                    duplicated.getBytes(StandardCharsets.UTF_8)));
            for (Object wrong : wrongJsonValues(field)) {
                JsonObject body = new JsonObject().put(field, wrong);
                attacks.add(attack(name + " json " + body.encode(), endpoint.method(), path, headers, JSON,
                        body.encode().getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String body : malformedJson()) {
            attacks.add(attack(name + " malformed json " + body, endpoint.method(), path, headers, JSON,
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        attacks.add(attack(name + " oversized form", endpoint.method(), path, headers, FORM,
                ("a=" + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8)));
        attacks.add(attack(name + " many parameters", endpoint.method(), path, headers, FORM,
                "a=1&".repeat(5_000).getBytes(StandardCharsets.UTF_8)));
        attacks.add(attack(name + " not utf-8", endpoint.method(), path, headers, FORM,
                new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
        Attack plain = attack(name + " malformed chunk", endpoint.method(), path, headers, FORM, new byte[0]);
        String chunked = new String(plain.bytes(), StandardCharsets.ISO_8859_1)
                .replace("Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n") + "ZZ\r\nabc\r\n0\r\n\r\n";
        attacks.add(new Attack(plain.name(), chunked.getBytes(StandardCharsets.ISO_8859_1)));
        return attacks;
    }

    private List<Attack> headerAttacks(Endpoint endpoint, String path, Map<String, String> headers) {
        List<Attack> attacks = new ArrayList<>();
        String name = endpoint.method() + " " + path;
        List<Map<String, String>> oddHeaders = List.of(
                Map.of("Authorization", "Basic !!!"), Map.of("Authorization", "Basic " + "QQ==".repeat(2000)),
                Map.of("Authorization", "Bearer"), Map.of("Authorization", "Bearer a b c"),
                Map.of("Authorization", "Bearer " + "eyJ".repeat(300) + ".x.y"), Map.of("ACCESSTOKEN", "ck_"),
                Map.of("ACCESSTOKEN", "ck_" + "A".repeat(43)), Map.of("ACCESSTOKEN", "\u00ff\u00fe"),
                Map.of("X-VERSION", "9.9.9"), Map.of("X-VERSION", "0.0.1"), Map.of("X-VERSION", "x"),
                Map.of("X-VERSION", "1.8.0.0"), Map.of("Accept", "text/html;q=x"), Map.of("Accept", "*/*;;;"),
                Map.of("Accept-Language", "**,;q=2"), Map.of("Cookie", "connect_session=%zz; connect_csrf=\u00ff"),
                Map.of("Content-Type", "application/json; charset=ebcdic"), Map.of("Content-Type", "multipart/form-data"),
                Map.of("Content-Type", ";;;"), Map.of("Origin", "null"), Map.of("X-Forwarded-For", "not-an-address, ::1"),
                Map.of("DPoP", "x.y.z"), Map.of("DPoP", "eyJ".repeat(300) + ".x.y"), Map.of("Authorization", "DPoP"),
                Map.of("Authorization", "DPoP eyJ.a.b", "DPoP", "eyJhbGciOiJub25lIn0.e30."));
        for (Map<String, String> odd : oddHeaders) {
            Map<String, String> merged = new LinkedHashMap<>(headers);
            merged.putAll(odd);
            attacks.add(attack(name + " headers " + odd, endpoint.method(), path, merged, FORM,
                    "a=1".getBytes(StandardCharsets.UTF_8)));
        }
        return attacks;
    }

    private Map<String, String> credentialHeaders(Credential credential, String admin) {
        return switch (credential) {
            case NONE -> Map.of();
            case ADMIN_KEY -> Map.of("ACCESSTOKEN", admin);
            case CUSTOMER_KEY -> Map.of("ACCESSTOKEN", customer.apiKey());
            case CLIENT_BASIC -> Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (client.id() + ":" + client.secret().orElseThrow()).getBytes(StandardCharsets.UTF_8)));
        };
    }

    private static List<String> junkIds() {
        return List.of("%zz", "%", "%FF%FE", "a%00b", "x".repeat(3000), "..%2F..%2Fetc", "%E2%80%AE", "'%20OR%201=1");
    }

    private static List<String> junkValues() {
        return List.of("", "%zz", "%", "%FF%FE", "%00", "x".repeat(5000), "%E2%80%AE", "'%20OR%201=1--", "%3Cscript%3E",
                "junk", "-1", "99999999999999999999");
    }

    /** Values of the wrong JSON type for {@code field}: every field is a string but {@code enabled}, a boolean. */
    private static List<Object> wrongJsonValues(String field) {
        Object wrongScalar = field.equals("enabled") ? "true" : true;
        return List.of(42, wrongScalar, new JsonArray().add(1).add("a"), new JsonObject().put("a", 1), -1.5e308,
                "\u0000", "x".repeat(5000));
    }

    private static List<String> malformedJson() {
        return List.of("{", "[", "{\"a\":}", "{\"a\":1,\"a\":2}", "nul", "{\"a\":\"\\ud800\"}", "\"\\u0000\"",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":1}}", "\u00ef\u00bb\u00bf{}");
    }

    private Attack attack(String name, String method, String target, Map<String, String> headers, String contentType,
                          byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.uri("").getAuthority()).append("\r\n")
                .append("Accept: application/json\r\nConnection: close\r\n");
        headers.forEach((header, value) -> head.append(header).append(": ").append(value).append("\r\n"));
        if (contentType != null && !headers.containsKey("Content-Type")) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return new Attack(name.length() > 200 ? name.substring(0, 200) + "..." : name, request.toByteArray());
    }

    private String send(byte[] request) throws IOException {
        URI uri = server.uri("");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer (413) and close before a large body is written: read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException | java.net.SocketException cut) {
                // whatever arrived before the connection ended is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String answer) {
        if (!answer.startsWith("HTTP/")) {
            return 0;
        }
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** What is wrong with an answer, or null when it is a clean refusal or success. */
    private static String problem(int status, String answer, boolean checkLeaks, boolean headRequest) {
        if (status == 0) {
            return "no HTTP answer";
        }
        // 501 answers a method the server does not implement, 503 a bound reached (API.md §1).
        if (status >= 500 && status != 501 && status != 503) {
            return "server error";
        }
        int bodyStart = answer.indexOf("\r\n\r\n");
        String body = bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
        String lowerHead = answer.substring(0, Math.max(bodyStart, 0)).toLowerCase(java.util.Locale.ROOT);
        if (checkLeaks && LEAK.matcher(body).find()) {
            return "leaks internals";
        }
        if (status >= 400 && !headRequest && lowerHead.contains("content-type: application/json")
                && !body.contains("\"error\"")) {
            return "error without the error shape";
        }
        return null;
    }

    /** A digest of every stored row per table, read straight from the server's database. */
    private Map<String, String> snapshot() throws SQLException, NoSuchAlgorithmException {
        String url = server.databaseUrl().orElseThrow();
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW TABLES")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (RECORDING_TABLES.contains(table)) {
                    continue;
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            digest.update(String.valueOf(rows.getString(i)).getBytes(StandardCharsets.UTF_8));
                            digest.update((byte) 0);
                        }
                    }
                }
                digests.put(table, HexFormat.of().formatHex(digest.digest()));
            }
        }
        return digests;
    }
}
