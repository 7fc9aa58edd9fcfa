package dev.mixlog.spring.boot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import dev.mixlog.core.config.Settings;
import dev.mixlog.logback.MixpanelAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The Mixpanel appender on Logback's root logger. Boot stops and resets the logger context each time it
 * (re)initializes logging, which detaches the appender; the listener then attaches a new one. The one
 * attached is remembered in the context (which a reset clears), so that attaching again is a no-op.
 */
final class LogbackAttachment implements Attachment {
    static final LogbackAttachment INSTANCE = new LogbackAttachment();

    /** Where the context keeps the appender the starter attached. */
    private static final String ATTACHED = LogbackAttachment.class.getName();
    /** Where the context keeps the settings that appender was made with. */
    private static final String ATTACHED_SETTINGS = ATTACHED + ".settings";

    private LogbackAttachment() {
    }

    static boolean inUse() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** The name of a Mixpanel appender the logging configuration declares, or {@code null}. */
    @Override
    public String declared() {
        Object ours = context().getObject(ATTACHED);
        return mixpanelAppenders().stream().filter(appender -> appender != ours && !Attachment.standIn(appender.getName()))
                .map(MixpanelAppender::getName)
                .findFirst().orElse(null);
    }

    /** Every Mixpanel appender on any logger, also those an {@code AsyncAppender} wraps. */
    static List<MixpanelAppender> mixpanelAppenders() {
        Set<MixpanelAppender> found = new LinkedHashSet<>();
        for (Logger logger : context().getLoggerList()) {
            collect(logger.iteratorForAppenders(), found);
        }
        return new ArrayList<>(found);
    }

    private static void collect(Iterator<Appender<ILoggingEvent>> appenders, Set<MixpanelAppender> found) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof MixpanelAppender) {
                found.add((MixpanelAppender) appender);
            } else if (appender instanceof AppenderAttachable) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> wrapper = (AppenderAttachable<ILoggingEvent>) appender;
                collect(wrapper.iteratorForAppenders(), found);
            }
        }
    }

    /** Whether the starter's appender is attached to the current configuration. */
    @Override
    public boolean attached() {
        return context().getObject(ATTACHED) != null;
    }

    /** Whether the starter's appender was made with these settings. */
    @Override
    public boolean attachedWith(SpringSettings settings) {
        return settings.equals(context().getObject(ATTACHED_SETTINGS));
    }

    /** Stops the starter's appender and takes it off the root logger. */
    @Override
    public void detach() {
        LoggerContext context = context();
        Object ours = context.getObject(ATTACHED);
        if (ours instanceof MixpanelAppender) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender((MixpanelAppender) ours);
            ((MixpanelAppender) ours).stop();
        }
        context.removeObject(ATTACHED);
        context.removeObject(ATTACHED_SETTINGS);
    }

    /** Attaches a new appender with these settings to the root logger; returns whether it started. */
    @Override
    public boolean attach(SpringSettings settings) {
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
        context.putObject(ATTACHED_SETTINGS, settings);
        return true;
    }

    @Override
    public List<Running> running() {
        List<Running> running = new ArrayList<>();
        for (MixpanelAppender appender : mixpanelAppenders()) {
            if (appender.isStarted()) {
                running.add(new Running(appender.getStats(), appender::flush));
            }
        }
        return running;
    }
}
