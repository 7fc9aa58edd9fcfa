package dev.mixlog.test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.logback.MixpanelAppender;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/** Logback behind SLF4J: loaded only once {@link Frameworks} found it on the class path. */
final class LogbackAppenders {
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);

    private LogbackAppenders() {
    }

    static void initialize() {
        LoggerFactory.getILoggerFactory();
    }

    static boolean inUse() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    }

    static DefaultAppender attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        MixpanelAppender appender = new MixpanelAppender();
        appender.setContext(context);
        appender.setName(DefaultAppender.NAME);
        appender.setShutdownHook("false");
        appender.setJmx("false");
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return () -> {
            root.detachAppender(appender);
            appender.stop();
            // Logback's appender finishes stopping on a thread of its own: it is gone once this returns
            MixlogCore.awaitBackgroundStops(STOP_BOUND);
        };
    }
}
