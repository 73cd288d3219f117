package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The parameters of an OAuth request, from the query, a form body or a JSON body, each name once.
 * RFC 6749 §3.1 and §3.2: "Request and response parameters MUST NOT be included more than once",
 * and "parameters sent without a value MUST be treated as if they were omitted". Repeats are
 * remembered rather than refused at once, so that the authorization request's check can still
 * tell whether it may redirect the error. The one exception is {@code resource} (RFC 8707 §2),
 * which a request may repeat: every value is kept, in order, and none counts as a repeat.
 */
final class Parameters {
    private static final Set<String> BODY_TYPES = Set.of(MediaTypes.FORM, MediaTypes.JSON);
    /** RFC 8707 §2: "The client MAY ... include multiple resource parameters." */
    static final String RESOURCE = "resource";

    private final Map<String, String> values;
    private final Set<String> repeated;
    private final List<String> resources;

    private Parameters(Map<String, String> values, Set<String> repeated, List<String> resources) {
        this.values = values;
        this.repeated = repeated;
        this.resources = resources;
    }

    static Parameters of(List<Map.Entry<String, String>> pairs) {
        Map<String, String> values = new HashMap<>();
        Set<String> repeated = new TreeSet<>();
        List<String> resources = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getKey().equals(RESOURCE)) {
                resources.add(pair.getValue());
                values.putIfAbsent(RESOURCE, pair.getValue());
            } else if (values.putIfAbsent(pair.getKey(), pair.getValue()) != null) {
                repeated.add(pair.getKey());
            }
        }
        return new Parameters(values, repeated, List.copyOf(resources));
    }

    static Parameters fromQuery(String rawQuery) {
        return of(FormCodec.decodeQuery(rawQuery));
    }

    static Parameters fromForm(Buffer body) {
        return of(FormCodec.decode(body.getBytes()));
    }

    /**
     * The parameters of a form or JSON body (415 for any other type); an empty body without a
     * type has none.
     */
    static Parameters fromBody(RoutingContext ctx) {
        Buffer body = BodyReader.body(ctx);
        return switch (MediaTypes.requireBodyType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), body.length(), BODY_TYPES)) {
            case MediaTypes.FORM -> fromForm(body);
            case MediaTypes.JSON -> fromJson(body);
            default -> of(List.of());
        };
    }

    /**
     * A JSON object of string members ({@code resource} also an array of strings); any other
     * member type is {@code invalid_request}.
     */
    static Parameters fromJson(Buffer body) {
        JsonObject object = JsonBodies.object(body);
        Map<String, String> values = new HashMap<>();
        List<String> resources = List.of();
        for (String name : object.fieldNames()) {
            if (name.equals(RESOURCE) && object.getValue(name) instanceof JsonArray) {
                resources = JsonBodies.strings(object, name).orElse(List.of());
                resources.stream().findFirst().ifPresent(first -> values.put(RESOURCE, first));
            } else {
                JsonBodies.string(object, name).ifPresent(value -> values.put(name, value));
            }
        }
        if (resources.isEmpty() && values.containsKey(RESOURCE)) {
            resources = List.of(values.get(RESOURCE));
        }
        return new Parameters(values, new TreeSet<>(), List.copyOf(resources));
    }

    /** These parameters and {@code more}; a name in both counts as repeated. */
    Parameters and(Parameters more) {
        Map<String, String> merged = new HashMap<>(values);
        Set<String> repeats = new TreeSet<>(repeated);
        repeats.addAll(more.repeated);
        more.values.forEach((name, value) -> {
            if (merged.putIfAbsent(name, value) != null && !name.equals(RESOURCE)) {
                repeats.add(name);
            }
        });
        List<String> allResources = new ArrayList<>(resources);
        allResources.addAll(more.resources);
        return new Parameters(merged, repeats, List.copyOf(allResources));
    }

    /** Every non-empty {@code resource} value, in the order received (RFC 8707 §2). */
    List<String> resources() {
        return resources.stream().filter(value -> !value.isEmpty()).toList();
    }

    /** The value, empty when absent or empty (RFC 6749 §3.1: "treated as if they were omitted"). */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
    }

    /** The names that came more than once, in order. */
    Set<String> repeated() {
        return Collections.unmodifiableSet(repeated);
    }

    /**
     * Every parameter with a value but those {@code named}, by name: what a page carries on to the
     * next step of the flow, whatever the request held.
     */
    List<Map.Entry<String, String>> allBut(Set<String> named) {
        return values.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty() && !named.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .flatMap(entry -> entry.getKey().equals(RESOURCE)
                        ? resources().stream().map(value -> Map.entry(RESOURCE, value))
                        : Stream.of(Map.entry(entry.getKey(), entry.getValue())))
                .toList();
    }

    boolean isRepeated(String name) {
        return repeated.contains(name);
    }

    /** @throws dev.connect.oauth.domain.OAuthException {@code invalid_request} naming the first repeated parameter */
    Parameters requireNoRepeats() {
        if (!repeated.isEmpty()) {
            throw ErrorCode.INVALID_REQUEST.exception(repeatedDescription());
        }
        return this;
    }

    private String repeatedDescription() {
        return "Parameter " + repeated.iterator().next() + " must not be repeated.";
    }
}
