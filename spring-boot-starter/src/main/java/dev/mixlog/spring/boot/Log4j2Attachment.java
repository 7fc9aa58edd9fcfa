package dev.mixlog.spring.boot;

import dev.mixlog.core.config.Settings;
import dev.mixlog.log4j2.MixpanelAppender;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.NullConfiguration;
import org.apache.logging.log4j.core.config.Property;

/**
 * The Mixpanel appender on Log4j2's root logger. Each reconfiguration (Boot's, or a monitored file's)
 * makes a new configuration without it; a listener on the context attaches a new one to each, made
 * with the latest settings. The one attached to each configuration is remembered (weakly, as Log4j2
 * drops replaced configurations), so that attaching again is a no-op.
 */
final class Log4j2Attachment implements Attachment {
    static final Log4j2Attachment INSTANCE = new Log4j2Attachment();

    private static final String WATCHING = Log4j2Attachment.class.getName() + ".watching";
    /** Per configuration, the starter's appender there and the settings it was made with. */
    private static final Map<Configuration, Attached> ATTACHED = Collections.synchronizedMap(new WeakHashMap<>());

    private static final class Attached {
        final MixpanelAppender appender;
        final SpringSettings settings;

        Attached(MixpanelAppender appender, SpringSettings settings) {
            this.appender = appender;
            this.settings = settings;
        }
    }
    /** The settings of the latest attach, which the appender of each later configuration is made with. */
    private static volatile SpringSettings latest;

    private Log4j2Attachment() {
    }

    static boolean inUse() {
        return LogManager.getContext(false) instanceof LoggerContext;
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    /** The name of a Mixpanel appender the logging configuration declares, or {@code null}. */
    @Override
    public String declared() {
        Configuration configuration = context().getConfiguration();
        Attached attached = ATTACHED.get(configuration);
        Object ours = attached == null ? null : attached.appender;
        for (Appender appender : configuration.getAppenders().values()) {
            if (appender instanceof MixpanelAppender && appender != ours && !Attachment.standIn(appender.getName())) {
                return appender.getName();
            }
        }
        return null;
    }

    /** Every Mixpanel appender of the current configuration. */
    static List<MixpanelAppender> mixpanelAppenders() {
        List<MixpanelAppender> found = new ArrayList<>();
        for (Appender appender : context().getConfiguration().getAppenders().values()) {
            if (appender instanceof MixpanelAppender) {
                found.add((MixpanelAppender) appender);
            }
        }
        return found;
    }

    @Override
    public boolean attached() {
        return ATTACHED.containsKey(context().getConfiguration());
    }

    /** Whether the starter's appender was made with these settings. */
    @Override
    public boolean attachedWith(SpringSettings settings) {
        Attached attached = ATTACHED.get(context().getConfiguration());
        return attached != null && attached.settings.equals(settings);
    }

    /** Stops the starter's appender and takes it out of the current configuration. */
    @Override
    public void detach() {
        Configuration configuration = context().getConfiguration();
        Attached attached = ATTACHED.remove(configuration);
        if (attached != null) {
            configuration.getRootLogger().removeAppender(attached.appender.getName());
            configuration.getAppenders().remove(attached.appender.getName());
            attached.appender.stop();
        }
    }

    /** Attaches a new appender to the current configuration, and to every later one; returns whether it started. */
    @Override
    public boolean attach(SpringSettings settings) {
        LoggerContext context = context();
        latest = settings;
        if (context.putObjectIfAbsent(WATCHING, Boolean.TRUE) == null) {
            context.addPropertyChangeListener(event -> reattach(context, event));
        }
        return attachTo(context, context.getConfiguration(), settings);
    }

    private static void reattach(LoggerContext context, PropertyChangeEvent event) {
        SpringSettings settings = latest;
        if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName()) && event.getNewValue() instanceof Configuration
                && !(event.getNewValue() instanceof NullConfiguration) && !context.isStopping() && !context.isStopped()) {
            attachTo(context, (Configuration) event.getNewValue(), settings);
        }
    }

    private static boolean attachTo(LoggerContext context, Configuration configuration, SpringSettings settings) {
        if (ATTACHED.containsKey(configuration)) {
            return true;
        }
        MixpanelAppender.Builder builder = MixpanelAppender.newBuilder().setName(Settings.DEFAULT_NAME);
        builder.setConfiguration(configuration);
        List<Property> statics = new ArrayList<>();
        settings.staticProperties().forEach((name, value) -> statics.add(Property.createProperty(name, value)));
        builder.setPropertyArray(statics.toArray(new Property[0]));
        settings.applyTo((setting, text) -> {
            if (setting != Settings.STATIC_PROPERTY) {
                builder.setSetting(setting, text);
            }
        });
        MixpanelAppender appender = builder.build();
        if (appender == null) {
            return false;
        }
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, null, null);
        ATTACHED.put(configuration, new Attached(appender, settings));
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
