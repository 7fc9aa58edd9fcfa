package dev.mixlog.test;

import dev.mixlog.log4j2.MixpanelAppender;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/** Log4j2: loaded only once {@link Frameworks} found it on the class path. */
final class Log4j2Appenders {
    private Log4j2Appenders() {
    }

    static void initialize() {
        LogManager.getContext(false);
    }

    static boolean inUse() {
        return LogManager.getContext(false) instanceof LoggerContext;
    }

    static DefaultAppender attach() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        MixpanelAppender appender = MixpanelAppender.newBuilder().setName(DefaultAppender.NAME).setConfiguration(configuration)
                .setShutdownHook("false").setJmx("false").build();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        root.addAppender(appender, null, null);
        context.updateLoggers();
        return () -> {
            root.removeAppender(DefaultAppender.NAME);
            context.updateLoggers();
            appender.stop();
        };
    }
}
