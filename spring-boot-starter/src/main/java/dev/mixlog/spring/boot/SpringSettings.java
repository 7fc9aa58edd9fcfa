package dev.mixlog.spring.boot;

import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The {@code mixlog.*} properties of a Spring environment: one property per {@link Setting}, named
 * after it in Spring's kebab case ({@code maxBatchEvents} is {@code mixlog.max-batch-events}) and read
 * with Spring's relaxed binding (so {@code MIXLOG_MAX_BATCH_EVENTS} works too), static properties as the
 * map {@code mixlog.static-properties.*}, and {@code mixlog.enabled}.
 */
final class SpringSettings {
    static final String PREFIX = "mixlog";
    static final String ENABLED = PREFIX + ".enabled";
    /** Makes the health contributor DOWN while requests fail. */
    static final String HEALTH_DOWN_WHILE_FAILING = PREFIX + ".health.down-while-failing";
    static final String STATIC_PROPERTIES = PREFIX + ".static-properties";
    /** Kafka producer settings passed through: {@code mixlog.kafka-properties.security.protocol=SSL}. */
    static final String KAFKA_PROPERTIES = PREFIX + ".kafka-properties";

    private final boolean enabled;
    /** The texts given, by setting, in the descriptors' order; repeatable ones comma-joined. */
    private final Map<Setting<?>, String> texts;
    private final Map<String, String> staticProperties;
    private final Map<String, String> kafkaProperties;

    private SpringSettings(boolean enabled, Map<Setting<?>, String> texts, Map<String, String> staticProperties,
                           Map<String, String> kafkaProperties) {
        this.enabled = enabled;
        this.texts = texts;
        this.staticProperties = staticProperties;
        this.kafkaProperties = kafkaProperties;
    }

    static SpringSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(true);
        Map<Setting<?>, String> texts = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.all()) {
            if (setting == Settings.STATIC_PROPERTY || setting == Settings.KAFKA_PROPERTY) {
                continue;
            }
            String property = propertyName(setting);
            String text = setting.isRepeatable()
                    ? binder.bind(property, Bindable.listOf(String.class)).map(values -> String.join(",", values)).orElse(null)
                    : binder.bind(property, String.class).orElse(null);
            if (text != null && !text.isBlank()) {
                texts.put(setting, text);
            }
        }
        Map<String, String> statics = binder.bind(STATIC_PROPERTIES, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Map<String, String> kafka = binder.bind(KAFKA_PROPERTIES, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return new SpringSettings(enabled, texts, new LinkedHashMap<>(statics), new LinkedHashMap<>(kafka));
    }

    /** The Spring property of a setting: {@code mixlog.} and its name in kebab case. */
    static String propertyName(Setting<?> setting) {
        return PREFIX + "." + setting.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    boolean enabled() {
        return enabled;
    }

    /** Hands every setting given, then every static property ({@code name=value}), to the appender being built. */
    void applyTo(BiConsumer<Setting<?>, String> appender) {
        texts.forEach(appender);
        staticProperties.forEach((name, value) -> appender.accept(Settings.STATIC_PROPERTY, name + "=" + value));
        kafkaProperties.forEach((name, value) -> appender.accept(Settings.KAFKA_PROPERTY, name + "=" + value));
    }

    Map<String, String> staticProperties() {
        return staticProperties;
    }

    /** The configuration the appender will run with; throws with every problem at once when there are some. */
    MixlogConfig check() throws InvalidConfigException {
        MixlogSettings check = new MixlogSettings().name(Settings.DEFAULT_NAME);
        applyTo(check::text);
        return check.build();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SpringSettings)) {
            return false;
        }
        SpringSettings that = (SpringSettings) other;
        return enabled == that.enabled && texts.equals(that.texts) && staticProperties.equals(that.staticProperties)
                && kafkaProperties.equals(that.kafkaProperties);
    }

    @Override
    public int hashCode() {
        return (texts.hashCode() * 31 + staticProperties.hashCode()) * 31 + kafkaProperties.hashCode();
    }
}
