package dev.connect.oauth.bootstrap.e2e;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** One request to the server under test, built fluently: {@code server.request("GET", "/x").header(...).send()}. */
final class E2eRequest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String method;
    private final URI uri;
    private final AnswerCheck check;
    private final HttpRequest.Builder builder;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    /** What is done with each answer before the test sees it: see {@link OpenApiConformance}. */
    @FunctionalInterface
    interface AnswerCheck {
        /** For servers whose answers are not checked (fleet nodes under fault injection). */
        AnswerCheck NONE = (method, uri, reply) -> {
        };

        void check(String method, URI uri, Reply reply);
    }

    E2eRequest(HttpClient http, String method, URI uri, AnswerCheck check) {
        this.http = http;
        this.method = method;
        this.uri = uri;
        this.check = check;
        this.builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    E2eRequest header(String name, String value) {
        builder.header(name, value);
        return this;
    }

    E2eRequest apiKey(String key) {
        return header("ACCESSTOKEN", key);
    }

    E2eRequest bearer(String accessToken) {
        return header("Authorization", "Bearer " + accessToken);
    }

    /** HTTP Basic client authentication (RFC 6749 §2.3.1: each part form-encoded first). */
    E2eRequest basic(String user, String password) {
        String pair = formEncode(user) + ":" + formEncode(password);
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    E2eRequest json(JsonObject json) {
        return body("application/json", json.encode());
    }

    /** A form body from name, value, name, value, ... */
    E2eRequest form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(formEncode(namesAndValues[i]) + "=" + formEncode(namesAndValues[i + 1]));
        }
        return body("application/x-www-form-urlencoded", String.join("&", pairs));
    }

    E2eRequest body(String contentType, String content) {
        builder.header("Content-Type", contentType);
        body = HttpRequest.BodyPublishers.ofString(content);
        return this;
    }

    Reply send() {
        try {
            Reply reply = Reply.of(http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString()));
            check.check(method, uri, reply);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the server", e);
        }
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
