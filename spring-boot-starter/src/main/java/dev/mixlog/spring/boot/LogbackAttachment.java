package dev.mixlog.spring.boot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import dev.mixlog.core.config.Settings;
import dev.mixlog.logback.MixpanelAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * The Mixpanel appender on Logback's root logger. Boot stops and resets the logger context each time it
 * (re)initializes logging, which detaches the appender; the listener then attaches a new one. The one
 * attached is remembered in the context (which a reset clears), so that attaching again is a no-op.
 */
final class LogbackAttachment {
    /** Where the context keeps the appender the starter attached. */
    private static final String ATTACHED = LogbackAttachment.class.getName();

    private LogbackAttachment() {
    }

    static boolean inUse() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** The name of a Mixpanel appender the logging configuration declares, or {@code null}. */
    static String declared() {
        LoggerContext context = context();
        Object ours = context.getObject(ATTACHED);
        for (Logger logger : context.getLoggerList()) {
            String name = find(logger.iteratorForAppenders(), ours);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** Looks through appenders and those they wrap (an {@code AsyncAppender}) for a Mixpanel appender not ours. */
    private static String find(Iterator<Appender<ILoggingEvent>> appenders, Object ours) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof MixpanelAppender && appender != ours) {
                return appender.getName();
            }
            if (appender instanceof AppenderAttachable) {
                @SuppressWarnings("unchecked")
                String nested = find(((AppenderAttachable<ILoggingEvent>) appender).iteratorForAppenders(), ours);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Whether the starter's appender is attached to the current configuration. */
    static boolean attached() {
        return context().getObject(ATTACHED) != null;
    }

    /** Attaches a new appender with these settings to the root logger; returns whether it started. */
    static boolean attach(SpringSettings settings) {
        LoggerContext context = context();
        MixpanelAppender appender = new MixpanelAppender();
        appender.setContext(context);
        appender.setName(Settings.DEFAULT_NAME);
        settings.applyTo(appender::configure);
        appender.start();
        if (!appender.isStarted()) {
            return false;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.putObject(ATTACHED, appender);
        return true;
    }
}
