package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * One event loop's HTTP server, whose requests pass the {@link RequestGate} before the router. {@link HttpAdapter#listen} deploys one per configured instance on
 * the same port, and Vert.x spreads connections over them. Undeploying shuts the server down
 * gracefully: no new connections, and in-flight requests get the grace period to finish.
 */
final class HttpServerVerticle extends VerticleBase {
    private final Supplier<Router> router;
    private final BiConsumer<HttpServerRequest, OAuthException> refuse;
    private final String host;
    private final int port;
    private final Duration grace;
    private final HttpSettings.Timeouts timeouts;
    private final IntConsumer boundPort;
    private HttpServer server;

    /** {@code refuse} answers a request with an error, before or instead of routing. */
    HttpServerVerticle(Supplier<Router> router, BiConsumer<HttpServerRequest, OAuthException> refuse, String host,
                       int port, Duration grace, HttpSettings.Timeouts timeouts, IntConsumer boundPort) {
        this.router = Objects.requireNonNull(router, "router");
        this.refuse = Objects.requireNonNull(refuse, "refuse");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.grace = Objects.requireNonNull(grace, "grace");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.boundPort = Objects.requireNonNull(boundPort, "boundPort");
    }

    @Override
    public Future<?> start() {
        // Long enough for an authorization URL with a large state; Netty refuses longer lines. Clients
        // such as curl ask "Expect: 100-continue" before a larger body and would otherwise wait.
        // No HTTP/2 over cleartext: Vert.x would wait for a request's first bytes before it set up
        // the connection, and a client that sent none would escape the request deadline.
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(8192)
                .setHandle100ContinueAutomatically(true).setHttp2ClearTextEnabled(false)
                .setIdleTimeout((int) timeouts.idle().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        server = vertx.createHttpServer(options)
                .connectionHandler(connection -> Http1Pipeline.prepare(connection, timeouts.request()))
                .requestHandler(new RequestGate(router.get(), refuse))
                // Netty could not decode these (a line or header too long, a broken request line).
                .invalidRequestHandler(request -> refuse.accept(request, ErrorCode.BAD_REQUEST.exception()))
                // The server speaks no WebSocket. Having a handshake handler at all is what makes
                // Vert.x pass requests of an unknown HTTP version on to the gate instead of answering 501 itself.
                .webSocketHandshakeHandler(handshake -> handshake.reject(ErrorStatus.of(ErrorCode.NOT_SUPPORTED)));
        return server.listen(port, host).onSuccess(listening -> boundPort.accept(listening.actualPort()));
    }

    @Override
    public Future<?> stop() {
        return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
