package dev.connect.oauth.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per log line ({@code CONNECT_LOG_FORMAT=json}): {@code timestamp} (ISO-8601,
 * UTC), {@code level}, {@code logger}, {@code thread}, {@code message}, then the MDC entries the
 * HTTP adapter sets while it serves a request ({@code request_id}, and {@code trace_id} and
 * {@code span_id} when a trace is known), SLF4J key-value pairs, and {@code exception} with the
 * stack trace. Flat fields, so that a log pipeline indexes them without a mapping.
 *
 * <p>Written with Jackson's streaming generator, which Vert.x brings already: Logback's own
 * {@code JsonEncoder} nests the MDC and writes epoch milliseconds, and logstash-logback-encoder
 * would add jackson-databind for the same few fields.
 */
final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NONE = new byte[0];
    private static final List<String> FIXED = List.of("timestamp", "level", "logger", "thread", "message", "exception");

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", event.getInstant().toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                if (!FIXED.contains(entry.getKey())) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    if (!FIXED.contains(pair.key)) {
                        json.writeStringField(pair.key, String.valueOf(pair.value));
                    }
                }
            }
            if (event.getThrowableProxy() != null) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
