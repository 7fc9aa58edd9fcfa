package dev.mixlog.opentelemetry;

import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;

/**
 * {@code otel.logs.exporter=mixpanel}: Mixlog's settings read from OpenTelemetry's configuration under
 * {@value #PREFIX}, in kebab case ({@code otel.exporter.mixpanel.token},
 * {@code otel.exporter.mixpanel.region}, or {@code OTEL_EXPORTER_MIXPANEL_TOKEN}), plus
 * {@value #RESOURCE_ATTRIBUTES}. Found by the SDK's autoconfigure module, and by the Java agent when
 * this jar is an extension.
 */
public final class MixpanelLogRecordExporterProvider implements ConfigurableLogRecordExporterProvider {
    /** The name {@code otel.logs.exporter} takes. */
    public static final String NAME = "mixpanel";
    static final String PREFIX = "otel.exporter.mixpanel.";
    /** Resource attributes added to every event, comma-separated ({@code service.name}). */
    static final String RESOURCE_ATTRIBUTES = PREFIX + "resource-attributes";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public LogRecordExporter createExporter(ConfigProperties config) {
        MixlogSettings settings = new MixlogSettings().name("opentelemetry");
        for (Setting<?> setting : Settings.all()) {
            String key = PREFIX + kebab(setting.name());
            if (setting == Settings.STATIC_PROPERTY || setting == Settings.KAFKA_PROPERTY) {
                for (Map.Entry<String, String> entry : config.getMap(key).entrySet()) {
                    settings.text(setting, entry.getKey() + "=" + entry.getValue());
                }
            } else {
                settings.text(setting, config.getString(key));
            }
        }
        if (!settings.isGiven(Settings.SHUTDOWN_HOOK)) {
            // the SDK stops its exporters at exit (and the agent's SDK too): the core waits for that
            settings.text(Settings.SHUTDOWN_HOOK, "false");
        }
        try {
            return MixpanelLogRecordExporter.create(settings.build(), new HashSet<>(config.getList(RESOURCE_ATTRIBUTES)));
        } catch (InvalidConfigException e) {
            throw new ConfigurationException(e.getMessage().replace("Mixpanel appender", "the mixpanel log exporter"), e);
        }
    }

    /** {@code maxBatchEvents} as OpenTelemetry writes its keys: {@code max-batch-events}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
