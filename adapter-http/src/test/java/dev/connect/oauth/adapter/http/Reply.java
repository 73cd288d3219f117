package dev.connect.oauth.adapter.http;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;

/** An answer as the test client received it. */
record Reply(int status, HttpHeaders headers, String body) {
    JsonObject json() {
        return new JsonObject(body);
    }

    /** The header's first value, {@code null} when absent. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
