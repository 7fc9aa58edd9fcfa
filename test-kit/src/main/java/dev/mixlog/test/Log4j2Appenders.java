package dev.mixlog.test;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.log4j2.MixpanelAppender;
import java.time.Duration;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/** Log4j2: loaded only once {@link Frameworks} found it on the class path. */
final class Log4j2Appenders {
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);
    private Log4j2Appenders() {
    }

    static void initialize() {
        LogManager.getContext(false);
    }

    static boolean inUse() {
        return LogManager.getContext(false) instanceof LoggerContext;
    }

    /** The root logger's level when it is above INFO. */
    static Optional<String> rootAboveInfo() {
        Level level = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getRootLogger().getLevel();
        return level != null && level.isMoreSpecificThan(Level.WARN) ? Optional.of(level.name()) : Optional.empty();
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
        return new DefaultAppender() {
            @Override
            public void detach() {
                root.removeAppender(DefaultAppender.NAME);
                configuration.getAppenders().remove(DefaultAppender.NAME);
                context.updateLoggers();
                appender.stop();
                // with the context running, the appender finishes stopping on a thread of its own: gone once this returns
                MixlogCore.awaitBackgroundStops(STOP_BOUND);
            }

            @Override
            public boolean isRunning() {
                return appender.isStarted() && context.getConfiguration() == configuration
                        && LogManager.getContext(false) == context;
            }
        };
    }
}
