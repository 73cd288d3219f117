package dev.connect.oauth.examples.host;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.bootstrap.ConnectAssembly;
import dev.connect.oauth.bootstrap.EmbeddedConnect;
import dev.connect.oauth.bootstrap.ServerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Example (b): a host application that owns its Vert.x and its {@code HttpServer}, serving its own routes and,
 * beside them, every route of Connect OAuth ({@code /oauth/*}, the pages, {@code /api/v1}, metadata, health),
 * assembled by {@link ConnectAssembly#embed()} over adapter-memory. The host decides the listener; Connect OAuth
 * brings the router and keeps its background work running until {@link #close()}.
 */
public final class HostApplication implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final EmbeddedConnect connect;
    private final HttpServer server;

    private HostApplication(Vertx vertx, EmbeddedConnect connect, HttpServer server) {
        this.vertx = vertx;
        this.connect = connect;
        this.server = server;
    }

    /**
     * Listens on {@code 127.0.0.1:port}, with a first admin holding {@code adminApiKey} (a {@code ck_} key, as
     * {@code CONNECT_BOOTSTRAP_ADMIN_API_KEY} takes it).
     */
    public static HostApplication start(int port, String adminApiKey) throws Exception {
        Objects.requireNonNull(adminApiKey, "adminApiKey");
        // The same variables as the server's (README, Configuration), here from a map instead of the environment.
        ServerConfig config = ServerConfig.from(Map.of(
                "CONNECT_ISSUER", "http://127.0.0.1:" + port,
                "CONNECT_KEK", newKeyEncryptionKey(),
                "CONNECT_BOOTSTRAP_ADMIN_EMAIL", "admin@example.com",
                "CONNECT_BOOTSTRAP_ADMIN_API_KEY", adminApiKey));
        EmbeddedConnect connect = ConnectAssembly.of(config).replaceStore(InMemoryPorts.create()).embed();
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.get("/hello").handler(context -> context.response()
                    .putHeader("Content-Type", "text/plain; charset=utf-8").end("Hello from the host"));
            // After the host's own routes: Connect OAuth answers every other path (404 in its JSON shape).
            router.route("/*").subRouter(connect.router(vertx));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new HostApplication(vertx, connect, server);
        } catch (Exception e) {
            vertx.close();
            try {
                connect.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        String adminKey = "ck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        HostApplication host = start(8080, adminKey);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                host.close();
            } catch (Exception e) {
                System.err.println("Shutdown failed: " + e);
            }
        }));
        System.out.println("Host on http://127.0.0.1:" + host.port() + " (/hello, /oauth/*, /api/v1/*); admin key "
                + adminKey);
    }

    /** The port the host listens on. */
    public int port() {
        return server.actualPort();
    }

    /** Stops the host's server and Vert.x first, then Connect OAuth's background work and store. */
    @Override
    public void close() throws Exception {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            connect.close();
        }
    }

    /** A fresh key-encryption key: the signing keys live in memory and die with the process anyway. */
    private static String newKeyEncryptionKey() {
        return Base64.getEncoder().encodeToString(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
