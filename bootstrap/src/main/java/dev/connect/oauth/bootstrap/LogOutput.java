package dev.connect.oauth.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Puts the log format of the configuration into effect on the console appender of
 * {@link ConsoleLogConfigurator}: JSON lines swap in a {@link JsonLogEncoder}, plain lines bring back
 * the pattern encoder it configured. Logging is process-wide, so this is too. Under another SLF4J
 * provider (a team embedding the server with its own logging) it does nothing: theirs decides.
 */
final class LogOutput {
    /** The configured encoder while a JSON encoder stands in for it. */
    private static Encoder<ILoggingEvent> configured;

    private LogOutput() {
    }

    static synchronized void use(ServerConfig.LogFormat format) {
        Objects.requireNonNull(format, "format");
        console().ifPresent(console -> {
            Encoder<ILoggingEvent> current = console.getEncoder();
            boolean json = current instanceof JsonLogEncoder;
            if (format == ServerConfig.LogFormat.JSON && !json) {
                configured = current;
                JsonLogEncoder encoder = new JsonLogEncoder();
                encoder.setContext(console.getContext());
                encoder.start();
                replace(console, encoder);
            } else if (format == ServerConfig.LogFormat.PLAIN && json && configured != null) {
                replace(console, configured);
                configured = null;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Optional<OutputStreamAppender<ILoggingEvent>> console() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ConsoleLogConfigurator.CONSOLE) instanceof OutputStreamAppender<?> console) {
            return Optional.of((OutputStreamAppender<ILoggingEvent>) console);
        }
        return Optional.empty();
    }

    /** Logback's way: an appender takes a new encoder while stopped. */
    private static void replace(OutputStreamAppender<ILoggingEvent> console, Encoder<ILoggingEvent> encoder) {
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
