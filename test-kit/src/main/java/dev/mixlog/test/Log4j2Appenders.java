package dev.mixlog.test;

import dev.mixlog.core.MarkerNames;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.log4j2.MixpanelAppender;
import java.time.Duration;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.core.filter.MarkerFilter;

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

    /** Log4j2's own marker filter on the {@code MIXPANEL} marker (and markers that reference it), accepting a match. */
    private static final Filter MARKED = MarkerFilter.createFilter(MarkerNames.MIXPANEL, Filter.Result.ACCEPT, Filter.Result.NEUTRAL);

    /** Adds {@link #MARKED} to the configuration, ahead of the level check, unless it is there. */
    static void letMarkedEventsThrough() {
        Configuration configuration = ((LoggerContext) LogManager.getContext(false)).getConfiguration();
        if (!contains(configuration.getFilter(), MARKED)) {
            configuration.addFilter(MARKED);
        }
    }

    static void restoreLevels() {
        ((LoggerContext) LogManager.getContext(false)).getConfiguration().removeFilter(MARKED);
    }

    private static boolean contains(Filter filter, Filter wanted) {
        if (filter == wanted) {
            return true;
        }
        if (filter instanceof CompositeFilter) {
            for (Filter each : ((CompositeFilter) filter).getFiltersArray()) {
                if (each == wanted) {
                    return true;
                }
            }
        }
        return false;
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
