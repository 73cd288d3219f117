package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Content negotiation: what a request body is (415 when the endpoint cannot read it) and what the
 * caller accepts (406 when an API endpoint's JSON is excluded), by RFC 9110 §12.5.1 and §8.3.
 */
final class MediaTypes {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    static final String HTML = "text/html";
    static final String JWK_SET = "application/jwk-set+json";

    private MediaTypes() {
    }

    /** A handler that answers 406 unless the caller accepts JSON (or one of {@code alternatives}). */
    static Handler<RoutingContext> requireJsonAccepted(String... alternatives) {
        return ctx -> {
            String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
            boolean acceptable = quality(accept, JSON) > 0;
            for (String alternative : alternatives) {
                acceptable |= quality(accept, alternative) > 0;
            }
            if (acceptable) {
                ctx.next();
            } else {
                ctx.fail(ErrorCode.NOT_ACCEPTABLE.exception());
            }
        };
    }

    /**
     * Whether the caller asked for JSON rather than a page: it names {@code application/json}
     * itself, at least as high as {@code text/html}. Browsers send {@code text/html} and a wildcard.
     */
    static boolean prefersJson(String accept) {
        double json = explicitQuality(accept, JSON);
        return json > 0 && json >= explicitQuality(accept, HTML);
    }

    /**
     * The body's media type, lower case, when it is one of {@code allowed} and its charset (if
     * named) is UTF-8; an empty body without a type is {@code ""}.
     *
     * @throws OAuthException {@code unsupported_media_type} otherwise
     */
    static String requireBodyType(String header, int bodyLength, Set<String> allowed) {
        if (header == null || header.isBlank()) {
            if (bodyLength == 0) {
                return "";
            }
            throw unsupported(allowed);
        }
        String[] parts = header.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(type)) {
            throw unsupported(allowed);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter.length == 2 ? unquote(parameter[1].strip()).toLowerCase(Locale.ROOT) : "";
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception("Unsupported Media Type -- Bodies must be UTF-8.");
                }
            }
        }
        return type;
    }

    private static OAuthException unsupported(Set<String> allowed) {
        return ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception(
                "Unsupported Media Type -- Send " + String.join(" or ", new TreeSet<>(allowed)) + ".");
    }

    /**
     * The quality the Accept header gives {@code type}: that of the most specific matching range
     * (RFC 9110 §12.5.1); an absent or empty header accepts everything.
     */
    static double quality(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return 1;
        }
        int bestSpecificity = -1;
        double quality = 0;
        String anySubtype = type.substring(0, type.indexOf('/')) + "/*";
        for (Weighted range : Weighted.parse(accept)) {
            int specificity = range.value().equals(type) ? 2
                    : range.value().equals(anySubtype) ? 1
                    : range.value().equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.quality();
            }
        }
        return quality;
    }

    /** The quality of a range naming exactly {@code type}, 0 when none does. */
    private static double explicitQuality(String accept, String type) {
        return Weighted.parse(accept).stream().filter(range -> range.value().equals(type))
                .mapToDouble(Weighted::quality).findFirst().orElse(0);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
