package dev.mixlog.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.mixlog.core.MarkerNames;
import org.slf4j.Marker;

/**
 * Makes analytics independent of logger levels: a call that carries the {@code MIXPANEL} marker (or
 * one that references it) below its logger's level is handed to the Mixpanel appender directly, when
 * the appender is on that logger's path. The filter then denies the call, so no other appender sees
 * the event (its level had filtered it) and no later turbo filter that accepts it sends it twice. Logback's own mechanism (a turbo filter, consulted before the
 * level), installed by the appender while it runs with {@code followLevels=false}; costs one null check
 * on calls without a marker. SLF4J's fluent API ({@code log.atInfo()}) asks for the level before the
 * marker is known, so its calls follow the levels.
 */
final class MarkedEventsPastLevels extends TurboFilter {
    private static final String FQCN = Logger.class.getName();
    private final MixpanelAppender appender;

    MarkedEventsPastLevels(MixpanelAppender appender) {
        this.appender = appender;
        setName("mixlog-marked-events-past-levels-" + appender.getName());
    }

    /** Runs on the application's logging thread: never throws, whatever a marker's own code does. */
    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // format is null when the framework only asks whether a level is enabled
        if (marker == null || format == null || level == null) {
            return FilterReply.NEUTRAL;
        }
        try {
            if (level.isGreaterOrEqual(logger.getEffectiveLevel()) || !marker.contains(MarkerNames.MIXPANEL) || !reaches(logger)) {
                return FilterReply.NEUTRAL;
            }
            LoggingEvent event = new LoggingEvent(FQCN, logger, level, format, t, params);
            event.addMarker(marker);
            appender.doAppend(event);
            return FilterReply.DENY;
        } catch (Throwable unusable) {
            // a marker that fails to answer: the call takes the framework's own path, by its levels
            return FilterReply.NEUTRAL;
        }
    }

    /** Whether an event of this logger reaches the appender: attached to it or an ancestor, through additive loggers. */
    private boolean reaches(Logger logger) {
        LoggerContext context = logger.getLoggerContext();
        String name = logger.getName();
        for (Logger current = logger; current != null; ) {
            if (current.isAttached(appender)) {
                return true;
            }
            if (!current.isAdditive() || Logger.ROOT_LOGGER_NAME.equals(name)) {
                return false;
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? Logger.ROOT_LOGGER_NAME : name.substring(0, dot);
            current = context.exists(name);
        }
        return false;
    }
}
