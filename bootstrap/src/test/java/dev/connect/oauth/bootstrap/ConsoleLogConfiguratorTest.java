package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLogConfiguratorTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperty() {
        System.clearProperty("logback.configurationFile");
        context.stop();
    }

    @Test
    void configureWhenNoFileNamedThenInfoLinesOnStandardErrorAndNoOtherConfigurator() {
        Configurator.ExecutionStatus status = new ConsoleLogConfigurator().configure(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender(ConsoleLogConfigurator.CONSOLE)).isInstanceOfSatisfying(ConsoleAppender.class,
                console -> assertThat(console.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void configureWhenOperatorNamesAFileThenLeftToLogbackWhichReadsIt() {
        System.setProperty("logback.configurationFile", "/etc/connect/logback.xml");

        Configurator.ExecutionStatus status = new ConsoleLogConfigurator().configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
    }

    @Test
    void serverLoggingWhenStartedThenConfiguredByThisClassThroughTheServiceLoader() {
        LoggerContext server = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(server.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ConsoleLogConfigurator.CONSOLE))
                .isInstanceOf(ConsoleAppender.class);
    }
}
