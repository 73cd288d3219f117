package dev.connect.oauth.adapter.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * What the server adds to the Netty pipeline of each HTTP/1.x connection, where Vert.x's API does
 * not reach: the {@link RequestDeadline}, and a flush before every close.
 *
 * <p>The flush is for requests Netty cannot decode mid-body (a malformed chunk size): Vert.x then
 * fails the request, our error mapper writes the JSON 400, and Vert.x closes the connection at
 * once, while that answer still waits for the flush Vert.x defers to the end of the read. Without
 * the flush the client saw the connection close without an answer.
 *
 * <p>This reaches the pipeline through Vert.x's {@code impl} connection type and the name of its
 * HTTP decoder; {@code SlowClientsTest} and {@code MalformedInputTest} fail if a Vert.x upgrade
 * moves either.
 */
final class Http1Pipeline {
    static final String DECODER = "httpDecoder";

    private Http1Pipeline() {
    }

    /** Adds the handlers to {@code connection}, which has just opened. Call on its event loop. */
    static void prepare(HttpConnection connection, Duration requestTimeout) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!(connection instanceof HttpServerConnection internal)) {
            return;
        }
        ChannelHandlerContext context = internal.channelHandlerContext();
        ChannelPipeline pipeline = context.pipeline();
        if (pipeline.get(DECODER) == null) {
            return;
        }
        pipeline.addBefore(DECODER, "connect-flush-before-close", new FlushBeforeClose());
        RequestDeadline.watch(context, requestTimeout);
    }

    /** Sends what was written before the connection closes, rather than dropping it. */
    private static final class FlushBeforeClose extends ChannelDuplexHandler {
        @Override
        public void close(ChannelHandlerContext context, ChannelPromise promise) {
            context.flush();
            context.close(promise);
        }
    }
}
