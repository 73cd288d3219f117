package dev.connect.oauth.adapter.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP/1.x connection whose request does not arrive whole in time: slow clients
 * (slowloris) that trickle a request line, headers or a body, or connect and send nothing, keep
 * no connection longer than the request timeout. The clock starts at the first byte of each
 * request (and when the connection opens) and stops when the request's last byte is decoded;
 * silence between requests is the idle timeout's business.
 *
 * <p>Vert.x has no such timeout, so this watches the connection's Netty pipeline around Vert.x's
 * HTTP decoder (see {@link Http1Pipeline}): one handler sees raw bytes arrive before the decoder,
 * one sees decoded requests end after it. It needs the connection set up when it opens, which is
 * why the server turns HTTP/2 over cleartext off (see {@code HttpServerVerticle}).
 */
final class RequestDeadline {
    private final Duration timeout;
    private ScheduledFuture<?> pending;

    private RequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** Watches the connection of {@code context}, which has just opened. */
    static void watch(ChannelHandlerContext context, Duration timeout) {
        RequestDeadline deadline = new RequestDeadline(timeout);
        ChannelPipeline pipeline = context.pipeline();
        pipeline.addBefore(Http1Pipeline.DECODER, "connect-request-start", deadline.new Bytes());
        pipeline.addAfter(Http1Pipeline.DECODER, "connect-request-end", deadline.new Requests());
        deadline.start(context);
    }

    private void start(ChannelHandlerContext context) {
        if (pending == null) {
            Runnable cutOff = context.channel()::close;
            pending = context.executor().schedule(cutOff, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Before the decoder: any byte while no request is under way starts the clock. */
    private final class Bytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            start(context);
            context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            stop();
            context.fireChannelInactive();
        }
    }

    /** After the decoder: the last part of a request stops the clock. */
    private final class Requests extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof LastHttpContent) {
                stop();
            }
            context.fireChannelRead(message);
        }
    }
}
