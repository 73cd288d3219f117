package dev.connect.oauth.bootstrap.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client's redirection endpoint (RFC 6749 §3.1.2) on 127.0.0.1: a tiny JDK HTTP server that
 * records the query of every callback it receives and answers with a plain page.
 */
final class CallbackServer implements AutoCloseable {
    private static final String PATH = "/callback";

    private final HttpServer server;
    private final BlockingQueue<String> queries = new LinkedBlockingQueue<>();

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    static CallbackServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(E2eServer.HOST), 0), 0);
        CallbackServer callback = new CallbackServer(server);
        server.createContext(PATH, callback::handle);
        server.start();
        return callback;
    }

    URI redirectUri() {
        return URI.create("http://" + E2eServer.HOST + ":" + server.getAddress().getPort() + PATH);
    }

    /** The raw query of the next callback, waiting for it to arrive. */
    String nextQuery() throws InterruptedException {
        String query = queries.poll(30, TimeUnit.SECONDS);
        if (query == null) {
            throw new AssertionError("The client's redirect URI received no callback");
        }
        return query;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        queries.add(query == null ? "" : query);
        byte[] page = "<!DOCTYPE html><title>Callback</title><p id=\"callback\">Received.</p>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(page);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
