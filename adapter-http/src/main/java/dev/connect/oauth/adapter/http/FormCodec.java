package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} format of query strings and form bodies
 * (RFC 6749 Appendix B), decoded strictly from the raw bytes: a malformed percent-escape, or
 * bytes that are not UTF-8, are {@code invalid_request}, never a guess.
 */
final class FormCodec {
    /** More parameters than any OAuth or API request has; beyond it the request is refused. */
    static final int MAX_PARAMETERS = 100;

    private FormCodec() {
    }

    /**
     * A request line's query as Netty gives it: one char per byte (ISO-8859-1), so the bytes the
     * client sent are recovered exactly.
     */
    static List<Map.Entry<String, String>> decodeQuery(String rawQuery) {
        return rawQuery == null ? List.of() : decode(rawQuery.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The name-value pairs in order, repeats kept, empty segments skipped. */
    static List<Map.Entry<String, String>> decode(byte[] raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        int start = 0;
        while (start <= raw.length) {
            int end = indexOf(raw, (byte) '&', start, raw.length);
            if (end > start) {
                if (pairs.size() == MAX_PARAMETERS) {
                    throw ErrorCode.INVALID_REQUEST.exception("Too many parameters.");
                }
                int equals = indexOf(raw, (byte) '=', start, end);
                String name = component(raw, start, equals);
                String value = equals < end ? component(raw, equals + 1, end) : "";
                pairs.add(Map.entry(name, value));
            }
            start = end + 1;
        }
        return pairs;
    }

    /** Encodes one name or value; a space becomes {@code +}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Whether a request path, as Netty gives it (one char per byte), percent-decodes to UTF-8.
     * Checked before routing, because the router decodes path parameters itself and fails on
     * anything else.
     */
    static boolean isDecodablePath(String rawPath) {
        byte[] raw = rawPath.getBytes(StandardCharsets.ISO_8859_1);
        try {
            // Reading '+' as a space, as forms do, cannot make a valid path fail or an invalid one pass.
            component(raw, 0, raw.length);
            return true;
        } catch (OAuthException e) {
            return false;
        }
    }

    /** Decodes one percent-encoded component given as text (an HTTP Basic user or password). */
    static String component(String encoded) {
        byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
        return component(raw, 0, raw.length);
    }

    private static String component(byte[] raw, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw malformedEscape();
                }
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw malformedEscape();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ErrorCode.INVALID_REQUEST.exception("Parameters must be UTF-8.");
        }
    }

    private static int indexOf(byte[] raw, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static OAuthException malformedEscape() {
        return ErrorCode.INVALID_REQUEST.exception("Malformed percent-encoding.");
    }
}
