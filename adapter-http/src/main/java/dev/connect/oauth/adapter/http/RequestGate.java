package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The first look at every request, before the router: refuses what Vert.x would otherwise answer
 * by itself with a bare status, or fail on deep inside routing, so these too get the JSON error
 * shape and the common headers.
 *
 * <ul>
 *   <li>an HTTP version other than 1.0, 1.1 or 2: 505 (Vert.x answered an empty 501);</li>
 *   <li>an HTTP/1.x request without {@code Host}: 400 (Vert.x threw, which made a 500);</li>
 *   <li>a query with a broken percent-escape: 400 (on routes with a path parameter Vert.x Web
 *       decoded the query while routing and answered a plain-text 400). Escapes of bytes that are
 *       not UTF-8 pass: the endpoints reading the query answer those in their own way.</li>
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9112#section-3.2">RFC 9112 §3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.6">RFC 9110 §15.6.6</a>
 */
final class RequestGate implements Handler<HttpServerRequest> {
    private final Handler<HttpServerRequest> next;
    private final BiConsumer<HttpServerRequest, OAuthException> refuse;

    RequestGate(Handler<HttpServerRequest> next, BiConsumer<HttpServerRequest, OAuthException> refuse) {
        this.next = Objects.requireNonNull(next, "next");
        this.refuse = Objects.requireNonNull(refuse, "refuse");
    }

    @Override
    public void handle(HttpServerRequest request) {
        refusal(request).ifPresentOrElse(error -> refuse.accept(request, error), () -> next.handle(request));
    }

    private static Optional<OAuthException> refusal(HttpServerRequest request) {
        HttpVersion version = request.version();
        if (version == null) {
            return Optional.of(ErrorCode.HTTP_VERSION_NOT_SUPPORTED.exception());
        }
        if (version != HttpVersion.HTTP_2 && request.headers().get(HttpHeaders.HOST) == null) {
            return Optional.of(ErrorCode.BAD_REQUEST.exception("Bad Request -- The Host header is required."));
        }
        if (!isWellEscaped(request.query())) {
            return Optional.of(ErrorCode.BAD_REQUEST.exception("Bad Request -- The query is not valid percent-encoding."));
        }
        return Optional.empty();
    }

    /** Whether every {@code %} in {@code query} (null when there is none) starts two hex digits. */
    static boolean isWellEscaped(String query) {
        if (query == null) {
            return true;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
