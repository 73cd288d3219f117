package dev.connect.oauth.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host's own route and Connect OAuth's, over HTTP on one loopback port. */
class HostApplicationTest {
    private static final String ADMIN_KEY = "ck_" + "h".repeat(43);

    private final HttpClient http = HttpClient.newHttpClient();
    private HostApplication host;
    private String base;

    @BeforeEach
    void start() throws Exception {
        host = HostApplication.start(freePort(), ADMIN_KEY);
        base = "http://127.0.0.1:" + host.port();
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(value.find()).as(name + " in " + json).isTrue();
        return value.group(1);
    }

    @Test
    void getWhenHostRouteThenTheHostAnswers() throws Exception {
        HttpResponse<String> hello = send(HttpRequest.newBuilder(URI.create(base + "/hello")));

        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("Hello from the host");
    }

    @Test
    void getWhenMetadataThenConnectAnswersWithTheHostsIssuer() throws Exception {
        HttpResponse<String> metadata = send(HttpRequest.newBuilder(
                URI.create(base + "/.well-known/oauth-authorization-server")).header("Accept", "application/json"));

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(field(metadata.body(), "issuer")).isEqualTo(base);
    }

    @Test
    void clientCredentialsWhenClientRegisteredThroughTheAdminApiThenTokenIssued() throws Exception {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/clients"))
                .header("ACCESSTOKEN", ADMIN_KEY).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Host app\",\"redirect_uris\":"
                        + "[\"https://app.example.com/callback\"],\"scopes\":[\"connect\"],\"type\":\"confidential\"}")));
        assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
        String basic = Base64.getEncoder().encodeToString((field(registered.body(), "client_id") + ":"
                + field(registered.body(), "client_secret")).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(field(token.body(), "access_token")).isNotBlank();
    }

    @Test
    void getWhenPathUnknownToBothThenConnectsJsonNotFound() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(base + "/no-such-page"))
                .header("Accept", "application/json"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\"");
    }
}
