package dev.mixlog.log4j2;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.lang.reflect.Field;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Turns the attributes of {@code <Mixpanel>} into {@link MixlogSettings}: each attribute field of
 * {@link MixpanelAppender.Builder} is named after its setting (a test holds them to
 * {@link Settings#all()}), and each nested {@code <Property>} is a static property.
 */
final class AttributeSettings {
    private AttributeSettings() {
    }

    static MixlogSettings read(MixpanelAppender.Builder builder, String name, Configuration configuration,
                               Property[] properties) {
        MixlogSettings settings = new MixlogSettings().name(name);
        for (Setting<?> setting : Settings.all()) {
            String text = attribute(builder, setting.name());
            if (setting == Settings.KAFKA_PROPERTY && text != null) {
                // one name=value in a configuration file; several, one per line, when set programmatically
                for (String property : text.split("\n")) {
                    settings.text(setting, property);
                }
            } else {
                settings.text(setting, text);
            }
        }
        if (!settings.isGiven(Settings.SHUTDOWN_HOOK) && configuration != null && configuration.isShutdownHookEnabled()) {
            // Log4j2's own shutdown hook stops this appender, in order, after the async loggers drain
            settings.text(Settings.SHUTDOWN_HOOK, "false");
        }
        if (properties != null) {
            for (Property property : properties) {
                settings.staticProperty(property.getName(), valueOf(property, configuration));
            }
        }
        return settings;
    }

    /**
     * A property's value. Older Log4j2 versions (2.17 among them) keep the {@code value} attribute of
     * {@code <Property name="env" value="prod"/>} as the raw value only (it reads the element's text,
     * {@code <Property name="env">prod</Property>}): then the raw value, its variables replaced.
     */
    private static String valueOf(Property property, Configuration configuration) {
        String value = property.getValue();
        String raw = property.getRawValue();
        if (!value.isEmpty() || raw == null || raw.isEmpty()) {
            return value;
        }
        return configuration == null ? raw : configuration.getStrSubstitutor().replace(raw);
    }

    /** The text of the attribute field named after a setting; {@code null} when unset or when there is none. */
    private static String attribute(MixpanelAppender.Builder builder, String settingName) {
        try {
            Field field = MixpanelAppender.Builder.class.getDeclaredField(settingName);
            field.setAccessible(true);
            return (String) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException noSuchAttribute) {
            return null;
        }
    }

    /** Sets the attribute field named after a setting; fails for a name that is no attribute. */
    static void write(MixpanelAppender.Builder builder, String settingName, String value) {
        try {
            Field field = MixpanelAppender.Builder.class.getDeclaredField(settingName);
            field.setAccessible(true);
            Object before = field.get(builder);
            boolean adds = settingName.equals(Settings.KAFKA_PROPERTY.name()) && before != null && value != null;
            field.set(builder, adds ? before + "\n" + value : value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("<Mixpanel> has no attribute " + settingName, e);
        }
    }
}
