package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the request body into memory, up to a limit (413 beyond it, announced by
 * {@code Content-Length} or found while reading). Unlike Vert.x's {@code BodyHandler} it leaves
 * form decoding to {@link FormCodec}, which refuses bad percent-encoding and bad UTF-8 with a 400
 * instead of failing deep inside the HTTP codec.
 */
final class BodyReader implements Handler<RoutingContext> {
    private static final String BODY_KEY = "connect.body";

    private final long limit;

    BodyReader(long limit) {
        this.limit = limit;
    }

    /** The body read for this request (empty when there was none). */
    static Buffer body(RoutingContext ctx) {
        Buffer body = ctx.get(BODY_KEY);
        return body == null ? Buffer.buffer() : body;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (announcedLength(request) > limit) {
            ctx.fail(ErrorCode.PAYLOAD_TOO_LARGE.exception());
            return;
        }
        if (request.isEnded()) {
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] failed = {false};
        request.handler(chunk -> {
            if (failed[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                failed[0] = true;
                ctx.fail(ErrorCode.PAYLOAD_TOO_LARGE.exception());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(error -> {
            if (!failed[0]) {
                failed[0] = true;
                ctx.fail(ErrorCode.BAD_REQUEST.exception("The request body could not be read."));
            }
        });
        request.endHandler(end -> {
            if (!failed[0]) {
                ctx.put(BODY_KEY, body);
                ctx.next();
            }
        });
        request.resume();
    }

    private static long announcedLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // Netty refuses a malformed Content-Length before we see it; nothing to add here.
            return 0;
        }
    }
}
