package dev.connect.oauth.bootstrap.e2e;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** An HTTP answer as the tests read it. */
record Reply(int status, HttpHeaders headers, String body) {
    static Reply of(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /** The header's value, or {@code null} when absent. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    JsonObject json() {
        return new JsonObject(body);
    }

    @Override
    public String toString() {
        // Shown by AssertJ when an assertion fails: status and body say what went wrong.
        return status + " " + body;
    }
}
