package dev.mixlog.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.logback.MixpanelAppender;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/** Logback behind SLF4J: loaded only once {@link Frameworks} found it on the class path. */
final class LogbackAppenders {
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);

    private LogbackAppenders() {
    }

    /** Longest wait for SLF4J to finish starting on another thread. */
    private static final long INITIALIZATION_BOUND_NANOS = TimeUnit.SECONDS.toNanos(30);

    static void initialize() {
        factory();
    }

    /**
     * SLF4J's logger factory once started. While another thread starts SLF4J (tests run in parallel,
     * each logging first), SLF4J hands out a stand-in factory; this waits for the real one.
     */
    private static ILoggerFactory factory() {
        long deadline = System.nanoTime() + INITIALIZATION_BOUND_NANOS;
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        while (factory instanceof SubstituteLoggerFactory && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            factory = LoggerFactory.getILoggerFactory();
        }
        return factory;
    }

    static boolean inUse() {
        return factory() instanceof LoggerContext;
    }

    /** The root logger's level when it is above INFO. */
    static Optional<String> rootAboveInfo() {
        Level level = ((LoggerContext) factory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();
        return level != null && level.toInt() > Level.INFO_INT ? Optional.of(level.toString()) : Optional.empty();
    }

    static DefaultAppender attach() {
        LoggerContext context = (LoggerContext) factory();
        MixpanelAppender appender = new MixpanelAppender();
        appender.setContext(context);
        appender.setName(DefaultAppender.NAME);
        appender.setShutdownHook("false");
        appender.setJmx("false");
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new DefaultAppender() {
            @Override
            public void detach() {
                root.detachAppender(appender);
                appender.stop();
                // Logback's appender finishes stopping on a thread of its own: it is gone once this returns
                MixlogCore.awaitBackgroundStops(STOP_BOUND);
            }

            @Override
            public boolean isRunning() {
                return appender.isStarted() && root.isAttached(appender) && factory() == context;
            }
        };
    }
}
