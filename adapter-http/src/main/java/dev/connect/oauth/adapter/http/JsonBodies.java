package dev.connect.oauth.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON request bodies, read strictly: one object, UTF-8, no member named twice (the JSON form of
 * a repeated parameter, RFC 6749 §3.1), members of the expected types and, where a body lists
 * its members, no other member. Every violation is {@code invalid_request}.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonObject object(Buffer body) {
        if (body.length() == 0) {
            return new JsonObject();
        }
        try (JsonParser parser = JacksonCodec.createParser(body)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Object parsed = JacksonCodec.fromParser(parser, Object.class);
            if (parsed instanceof JsonObject object) {
                return object;
            }
            throw ErrorCode.INVALID_REQUEST.exception("The body must be a JSON object.");
        } catch (DecodeException | java.io.IOException | ClassCastException e) {
            throw ErrorCode.INVALID_REQUEST.exception("The body is not valid JSON.");
        }
    }

    /** A string member; absent or {@code null} is empty. */
    static Optional<String> string(JsonObject body, String name) {
        Object value = body.getValue(name);
        if (value == null || value instanceof String) {
            return Optional.ofNullable((String) value);
        }
        throw ErrorCode.INVALID_REQUEST.exception(name + " must be a string.");
    }

    /**
     * Refuses a member not in {@code known}: a misspelt or unsupported setting would otherwise be
     * dropped without a word, and the caller would believe it registered.
     */
    static void requireOnly(JsonObject body, Set<String> known) {
        List<String> unknown = body.fieldNames().stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ErrorCode.INVALID_REQUEST.exception("Unknown member(s): " + String.join(", ", unknown)
                    + ". Known: " + known.stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
    }

    /** A whole-number member; absent or {@code null} is empty. */
    static Optional<Long> wholeNumber(JsonObject body, String name) {
        Object value = body.getValue(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(((Number) value).longValue());
        }
        throw ErrorCode.INVALID_REQUEST.exception(name + " must be a whole number.");
    }

    /** A boolean member that must be present. */
    static boolean requiredBoolean(JsonObject body, String name) {
        if (body.getValue(name) instanceof Boolean value) {
            return value;
        }
        throw ErrorCode.INVALID_REQUEST.exception(name + " must be true or false.");
    }

    /** A boolean member; absent or {@code null} is empty. */
    static Optional<Boolean> optionalBoolean(JsonObject body, String name) {
        return body.getValue(name) == null ? Optional.empty() : Optional.of(requiredBoolean(body, name));
    }

    /** An array of strings; absent or {@code null} is empty. */
    static Optional<List<String>> strings(JsonObject body, String name) {
        Object value = body.getValue(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            throw ErrorCode.INVALID_REQUEST.exception(name + " must be an array of strings.");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (Object element : array) {
            if (!(element instanceof String string)) {
                throw ErrorCode.INVALID_REQUEST.exception(name + " must be an array of strings.");
            }
            strings.add(string);
        }
        return Optional.of(strings);
    }
}
