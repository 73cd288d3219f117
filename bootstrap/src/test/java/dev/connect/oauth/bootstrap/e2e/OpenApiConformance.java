package dev.connect.oauth.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a real answer of the server against the OpenAPI document ({@code openapi.json} of
 * adapter-http): the status is documented for the request's path and method, every header the
 * response declares required is there, the media type is one the response declares, and a JSON
 * body validates against its schema (JSON Schema 2020-12 in OpenAPI 3.1's dialect, by the
 * networknt validator). A path or method the document does not list may only get the router's
 * own refusals (404, 405, 501, and the checks that run before routing), in the document's error
 * shape. Any mismatch is an {@link AssertionError} naming the request, so the e2e test that
 * received the answer fails where it stands.
 */
final class OpenApiConformance {
    private static final String RESOURCE = "openapi.json";
    /** What the server answers before or instead of routing, named by the document's shared responses. */
    private static final Map<Integer, String> REFUSALS = Map.of(
            400, "BadRequest", 404, "NotFound", 405, "MethodNotAllowed", 410, "VersionGone",
            413, "PayloadTooLarge", 500, "ServerError", 501, "NotImplemented", 503, "ServiceUnavailable");
    /** OpenAPI's operation keys (OpenAPI 3.1 §4.8.9.1). */
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}/]+}");
    /** Last of the statics: its constructor uses the others. */
    private static final OpenApiConformance SHARED = new OpenApiConformance();

    private final JsonNode document;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final SchemaRegistry schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();
    /** The documented operations ({@code METHOD /template}) that have answered in this JVM. */
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    /** A checker of its own (the suites share {@link #shared()}). */
    OpenApiConformance() {
        try (InputStream in = OpenApiConformance.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path (adapter-http's resources)");
            }
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.get("paths").properties().forEach(entry -> paths.add(new PathTemplate(entry.getKey(), entry.getValue())));
    }

    /** The document, loaded once for every suite of the JVM. */
    static OpenApiConformance shared() {
        return SHARED;
    }

    /** The answers checked so far in this JVM. */
    long checked() {
        return checked.get();
    }

    /** Every operation of the document, as {@code METHOD /template}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (PathTemplate path : paths) {
            path.item().node().fieldNames().forEachRemaining(key -> {
                if (OPERATIONS.contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path.template());
                }
            });
        }
        return operations;
    }

    /** The documented operations no answer checked in this JVM came from, for the suites' summary. */
    Set<String> unanswered() {
        Set<String> operations = operations();
        operations.removeAll(answered);
        return operations;
    }

    /**
     * Checks {@code reply}, the answer to {@code method} {@code uri}.
     *
     * @throws AssertionError when the answer is not the document's
     */
    void check(String method, URI uri, Reply reply) {
        String path = uri.getRawPath();
        String request = method + " " + path;
        Located response = response(method.toLowerCase(Locale.ROOT), path, reply.status(), request);
        checkHeaders(response, reply, request);
        checkContent(response, reply, request);
        checked.incrementAndGet();
    }

    private Located response(String method, String path, int status, String request) {
        Optional<PathTemplate> template = paths.stream().filter(candidate -> candidate.matches(path)).findFirst();
        Optional<Located> operation = template.flatMap(found -> child(found.item(), method));
        if (operation.isEmpty()) {
            String refusal = REFUSALS.get(status);
            if (refusal == null || status == (template.isEmpty() ? 405 : 404)) {
                throw new AssertionError("openapi.json: " + request + " answered " + status + ", but "
                        + (template.isEmpty() ? "the path is not documented" : "the method is not documented for "
                        + template.get().template()) + ": only " + (template.isEmpty() ? "404" : "405")
                        + " or a refusal before routing may answer it");
            }
            return located("/components/responses/" + refusal);
        }
        answered.add(method.toUpperCase(Locale.ROOT) + " " + template.orElseThrow().template());
        return child(operation.get(), "responses").flatMap(responses -> child(responses, Integer.toString(status)))
                .orElseThrow(() -> new AssertionError("openapi.json: " + request + " answered " + status
                        + ", a status not documented for " + method.toUpperCase(Locale.ROOT) + " "
                        + template.orElseThrow().template() + " (documented: "
                        + fieldNames(operation.get().node().get("responses")) + ")"));
    }

    private void checkHeaders(Located response, Reply reply, String request) {
        Optional<Located> headers = child(response, "headers");
        if (headers.isEmpty()) {
            return;
        }
        headers.get().node().properties().forEach(entry -> {
            JsonNode header = resolve(entry.getValue(), "").node();
            if (header.path("required").asBoolean(false) && reply.header(entry.getKey()) == null) {
                throw new AssertionError("openapi.json: " + request + " answered " + reply.status()
                        + " without the required header " + entry.getKey());
            }
        });
    }

    private void checkContent(Located response, Reply reply, String request) {
        Optional<Located> content = child(response, "content");
        String contentType = Optional.ofNullable(reply.header("Content-Type")).orElse("");
        if (content.isEmpty()) {
            if (!reply.body().isEmpty()) {
                throw new AssertionError("openapi.json: " + request + " answered " + reply.status()
                        + " with a body where the document declares none: " + excerpt(reply.body()));
            }
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Located media = child(content.get(), mediaType).orElseThrow(() -> new AssertionError("openapi.json: " + request
                + " answered " + reply.status() + " as '" + contentType + "', not one of "
                + fieldNames(content.get().node())));
        if (!mediaType.endsWith("json")) {
            return;
        }
        Located schema = child(media, "schema").orElseThrow(() -> new AssertionError("openapi.json: no schema at "
                + media.pointer()));
        List<com.networknt.schema.Error> errors = compiled.computeIfAbsent(schema.pointer(),
                        pointer -> schemas.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + pointer)))
                .validate(reply.body(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("openapi.json: " + request + " answered " + reply.status()
                    + " with a body that does not match " + schema.pointer() + ": "
                    + errors.stream().map(Object::toString).collect(Collectors.joining("; "))
                    + "\nbody: " + excerpt(reply.body()));
        }
    }

    /** A member of {@code parent}, its {@code $ref} followed. */
    private Optional<Located> child(Located parent, String name) {
        JsonNode child = parent.node().get(name);
        return child == null ? Optional.empty() : Optional.of(resolve(child, parent.pointer() + "/" + escape(name)));
    }

    /** RFC 6901 §3: a JSON pointer's reference token. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The node at a JSON pointer of the document. */
    private Located located(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("openapi.json has nothing at " + pointer);
        }
        return resolve(node, pointer);
    }

    /** Follows a node's local {@code $ref}, keeping where the followed node is. */
    private Located resolve(JsonNode node, String pointer) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return new Located(node, pointer);
        }
        String target = ref.asText();
        if (!target.startsWith("#/")) {
            throw new IllegalStateException("openapi.json: only local references are followed, not " + target);
        }
        return located(target.substring(1));
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = node.fieldNames();
        fields.forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String excerpt(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }

    /** A node of the document and its JSON pointer, for the validator to load it with its references. */
    private record Located(JsonNode node, String pointer) {
    }

    /** A path of the document; like the router, it matches with or without a trailing slash. */
    private final class PathTemplate {
        private final String template;
        private final Pattern pattern;
        private final Located item;

        PathTemplate(String template, JsonNode item) {
            this.template = template;
            String[] literals = TEMPLATE_PARAMETER.split(template, -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < literals.length; i++) {
                regex.append(i == 0 ? "" : "[^/]+").append(Pattern.quote(literals[i]));
            }
            this.pattern = Pattern.compile(regex + "/?");
            this.item = resolve(item, "/paths/" + escape(template));
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }

        String template() {
            return template;
        }

        Located item() {
            return item;
        }
    }
}
