package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document ({@code openapi.json}) and the router describe the same API: every route
 * the router declares is an operation of the document, and every operation is a route; its error
 * table ({@code ErrorCode}) is the domain's. The e2e suite of {@code bootstrap} checks the answers
 * themselves against the document.
 */
class OpenApiDocumentTest {
    /** OpenAPI's operation keys (OpenAPI 3.1 §4.8.9.1). */
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)");

    private static TestServer server;
    private static JsonObject document;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(DiscoveryEndpoints.OPENAPI_RESOURCE)) {
            assertThat(in).as("openapi.json on the class path").isNotNull();
            document = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void whenRouterDeclaresRouteThenDocumentDescribesIt() {
        Set<String> missing = new TreeSet<>(routerOperations());
        missing.removeAll(documentOperations(false));

        assertThat(missing).as("routes the router serves that openapi.json (adapter-http/src/main/resources) does not "
                + "describe: add each METHOD path to its paths").isEmpty();
    }

    @Test
    void whenDocumentDescribesOperationThenRouterServesIt() {
        Set<String> missing = new TreeSet<>(documentOperations(false));
        missing.removeAll(routerOperations());

        assertThat(missing).as("operations of openapi.json that no route of HttpAdapter.router serves").isEmpty();
    }

    @Test
    void whenDocumentDescribesPreflightThenPathAnswersIt() {
        Set<String> wrong = new TreeSet<>();
        int preflights = 0;
        try (TestServer cors = TestServer.start(settings -> settings.corsOrigins(List.of("https://app.example")))) {
            JsonObject paths = document.getJsonObject("paths");
            for (String path : paths.fieldNames()) {
                JsonObject item = resolve(paths.getJsonObject(path));
                if (!item.containsKey("options")) {
                    continue;
                }
                preflights++;
                String method = item.fieldNames().stream().filter(key -> OPERATIONS.contains(key) && !key.equals("options"))
                        .findFirst().orElseThrow().toUpperCase(Locale.ROOT);
                Reply reply = cors.send("OPTIONS", path, null, null, "Origin", "https://app.example",
                        "Access-Control-Request-Method", method);
                if (reply.status() != 204) {
                    wrong.add("OPTIONS " + path + " answered " + reply.status());
                }
            }
        }

        assertThat(preflights).isPositive();
        assertThat(wrong).as("documented CORS preflights the server does not answer").isEmpty();
    }

    @Test
    void whenDocumentReferencesThenTargetExists() {
        Set<String> dangling = new TreeSet<>();
        collectDanglingReferences(document, dangling);

        assertThat(dangling).as("$ref of openapi.json that point nowhere").isEmpty();
    }

    @Test
    void whenErrorCodeExistsThenDocumentTableListsItWithItsCode() {
        Map<String, Integer> rows = new TreeMap<>();
        JsonArray table = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("ErrorCode")
                .getJsonArray("oneOf");
        for (int i = 0; i < table.size(); i++) {
            JsonObject properties = table.getJsonObject(i).getJsonObject("properties");
            rows.put(properties.getJsonObject("error").getString("const"), properties.getJsonObject("code").getInteger("const"));
        }
        Map<String, Integer> codes = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(ErrorCode::error, ErrorCode::code, (a, b) -> a, TreeMap::new));

        assertThat(rows).as("the rows of components/schemas/ErrorCode in openapi.json, against the domain's ErrorCode")
                .isEqualTo(codes);
    }

    @Test
    void servesDocumentWithIssuerAsServerAndCacheable() {
        Reply reply = server.get(DiscoveryEndpoints.OPENAPI_PATH);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(reply.header("Pragma")).isNull();
        JsonObject served = new JsonObject(reply.body());
        assertThat(served.getString("openapi")).startsWith("3.1.");
        assertThat(served.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo(TestServer.ISSUER);
        assertThat(served.getJsonObject("paths")).isEqualTo(document.getJsonObject("paths"));
    }

    /** {@code METHOD /path/{param}} of every route with a method, as the router registered them. */
    private static Set<String> routerOperations() {
        Set<String> operations = new TreeSet<>();
        Vertx vertx = Vertx.vertx();
        try {
            for (Route route : server.adapter.router(vertx).getRoutes()) {
                Set<HttpMethod> methods = route.methods();
                if (route.getPath() == null || methods == null || methods.isEmpty()) {
                    continue; // the common handlers, and the 405 answers of RouteTable.finish
                }
                String path = PATH_PARAMETER.matcher(route.getPath()).replaceAll("{$1}");
                methods.forEach(method -> operations.add(method.name() + " " + path));
            }
        } finally {
            vertx.close();
        }
        return operations;
    }

    /**
     * {@code METHOD /path} of every operation of the document, path items referenced from
     * {@code components/pathItems} resolved; CORS preflights ({@code options}) only when asked:
     * {@link CrossOriginRequests} answers them before any route.
     */
    private static Set<String> documentOperations(boolean withPreflights) {
        Set<String> operations = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = resolve(paths.getJsonObject(path));
            for (String key : item.fieldNames()) {
                if (OPERATIONS.contains(key) && (withPreflights || !key.equals("options"))) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }

    private static void collectDanglingReferences(Object node, Set<String> dangling) {
        if (node instanceof JsonObject object) {
            String ref = object.getValue("$ref") instanceof String value ? value : null;
            if (ref != null && (!ref.startsWith("#/") || pointed(ref) == null)) {
                dangling.add(ref);
            }
            object.forEach(member -> collectDanglingReferences(member.getValue(), dangling));
        } else if (node instanceof JsonArray array) {
            array.forEach(element -> collectDanglingReferences(element, dangling));
        }
    }

    /** What a local reference points at, or {@code null}. */
    private static Object pointed(String ref) {
        Object target = document;
        for (String segment : ref.substring(2).split("/")) {
            if (!(target instanceof JsonObject object)) {
                return null;
            }
            target = object.getValue(segment.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private static JsonObject resolve(JsonObject item) {
        String ref = item.getString("$ref");
        if (ref == null) {
            return item;
        }
        return (JsonObject) pointed(ref);
    }
}
