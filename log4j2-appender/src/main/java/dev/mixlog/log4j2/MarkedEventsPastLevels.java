package dev.mixlog.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;

/**
 * Makes analytics independent of logger levels: a call that carries the {@code MIXPANEL} marker (or
 * one that references it) below its logger's level is handed to the Mixpanel appender directly, when
 * the appender is on that logger's path; the filter then denies the call, so no other appender sees it
 * (its level had filtered it) and nothing sends it twice. Log4j2's own mechanism (a filter on the
 * configuration, consulted before the level), added by the appender while it runs with
 * {@code followLevels=false}.
 */
final class MarkedEventsPastLevels extends AbstractFilter {
    private final MixpanelAppender appender;

    MarkedEventsPastLevels(MixpanelAppender appender) {
        super(Result.NEUTRAL, Result.NEUTRAL);
        this.appender = appender;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        return decide(logger, level, marker, msg, params, null);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        return decide(logger, level, marker, msg, null, t);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        return decide(logger, level, marker, msg, null, t);
    }

    @Override
    public Result filter(LogEvent event) {
        return Result.NEUTRAL;
    }

    /**
     * A marked call with a message (not a mere level check) below its logger's level, on the appender's
     * path, is handed over and denied; any other call is neutral. On the application's logging thread:
     * never throws, whatever a marker or a message does (the call then takes the framework's own path).
     */
    private Result decide(Logger logger, Level level, Marker marker, Object msg, Object[] params, Throwable thrown) {
        if (marker == null || msg == null || level == null || logger == null) {
            return Result.NEUTRAL;
        }
        try {
            if (level.isMoreSpecificThan(logger.getLevel()) || !MarkerRules.isSelected(marker) || !reaches(logger.get())) {
                return Result.NEUTRAL;
            }
            Message message = msg instanceof Message ? (Message) msg
                    : msg instanceof String ? logger.getMessageFactory().newMessage((String) msg, params)
                    : logger.getMessageFactory().newMessage(msg);
            appender.append(Log4jLogEvent.newBuilder()
                    .setLoggerName(logger.getName())
                    .setLoggerFqcn(Logger.class.getName())
                    .setLevel(level)
                    .setMarker(marker)
                    .setMessage(message)
                    .setThrown(thrown != null ? thrown : message.getThrowable())
                    .setContextData(ContextDataInjectorFactory.createInjector().injectContextData(null, ContextDataFactory.createContextData()))
                    .setContextStack(ThreadContext.getImmutableStack())
                    .setThreadName(Thread.currentThread().getName())
                    .setTimeMillis(System.currentTimeMillis())
                    .build());
            return Result.DENY;
        } catch (Throwable unusable) {
            return Result.NEUTRAL;
        }
    }

    /** Whether an event of this logger configuration reaches the appender, through additive parents. */
    private boolean reaches(LoggerConfig config) {
        for (LoggerConfig current = config; current != null; current = current.getParent()) {
            Appender attached = current.getAppenders().get(appender.getName());
            if (attached == appender) {
                return true;
            }
            if (!current.isAdditive()) {
                return false;
            }
        }
        return false;
    }
}
