package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.junit.jupiter.api.Test;

/**
 * Every setting is an attribute of {@code <Mixpanel>} (a builder field of the same name, marked
 * sensitive exactly when the setting is a secret, so Log4j2 never prints it) and a setter of the
 * programmatic builder.
 */
class SettingsSurfaceTest {

    @Test
    void everySettingIsAnAttributeAndABuilderSetter() {
        List<String> missing = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            try {
                Field field = MixpanelAppender.Builder.class.getDeclaredField(setting.name());
                PluginBuilderAttribute attribute = field.getAnnotation(PluginBuilderAttribute.class);
                if (attribute == null || attribute.sensitive() != setting.isSecret()) {
                    missing.add(setting.name() + " (attribute" + (attribute == null ? "" : ", sensitive") + ")");
                }
            } catch (NoSuchFieldException e) {
                missing.add(setting.name() + " (attribute)");
            }
            String setter = "set" + Character.toUpperCase(setting.name().charAt(0)) + setting.name().substring(1);
            try {
                MixpanelAppender.Builder.class.getMethod(setter, String.class);
            } catch (NoSuchMethodException e) {
                missing.add(setter);
            }
        }
        assertEquals(List.of(), missing, "the <Mixpanel> builder lacks these settings");
    }
}
