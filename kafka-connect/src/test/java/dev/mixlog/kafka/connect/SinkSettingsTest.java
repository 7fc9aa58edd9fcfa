package dev.mixlog.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Region;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The sink's settings: Mixlog's own descriptors under {@code mixpanel.}, checked as Mixlog checks them. */
class SinkSettingsTest {
    @Test
    void everyOfferedSettingIsDefinedUnderThePrefixWithItsOwnDescription() {
        ConfigDef def = new MixpanelSinkConnector().config();
        for (Setting<?> setting : SinkSettings.offered()) {
            ConfigDef.ConfigKey key = def.configKeys().get("mixpanel." + setting.name());
            assertTrue(key != null, "mixpanel." + setting.name());
            assertTrue(key.documentation.startsWith(setting.documentation()), key.documentation);
            assertEquals(setting.isSecret(), key.type == ConfigDef.Type.PASSWORD, "a secret is a password: " + setting.name());
        }
        assertFalse(def.configKeys().containsKey("mixpanel.selection"), "no setting of a logging framework's");
        assertFalse(def.configKeys().containsKey("mixpanel.spoolDirectory"), "Kafka is the sink's buffer");
    }

    @Test
    void settingsBecomeTheCoresConfiguration() {
        SinkSettings settings = SinkSettings.of(Map.of("mixpanel.token", "tok", "mixpanel.region", "EU", "mixpanel.maxBatchEvents", "500",
                "mixpanel.staticProperty", "source=kafka,env=prod", "errors.tolerance", "all"), "sink-1");
        MixlogConfig config = settings.mixlog();
        assertEquals(Region.EU, config.region());
        assertEquals(500, config.maxBatchEvents());
        assertEquals(Map.of("source", "kafka", "env", "prod"), config.staticProperties());
        assertEquals(SinkSettings.STOP_WAIT_DEFAULT, config.shutdownTimeout());
        assertFalse(config.shutdownHook(), "Connect stops the task");
        assertTrue(settings.toleratesErrors());
        assertEquals(Duration.ofSeconds(1), settings.commitWait());
    }

    @Test
    void aWrongValueOrNoTokenIsRefusedNamingTheSetting() {
        ConfigException wrong = assertThrows(ConfigException.class,
                () -> SinkSettings.of(Map.of("mixpanel.token", "tok", "mixpanel.maxBatchEvents", "lots"), "sink"));
        assertTrue(wrong.getMessage().contains("maxBatchEvents"), wrong.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> SinkSettings.of(Map.of(), "sink"));
        assertTrue(missing.getMessage().contains("mixpanel.token"), missing.getMessage());

        Config validated = new MixpanelSinkConnector().validate(Map.of("connector.class", MixpanelSinkConnector.class.getName(),
                "topics", "events", "mixpanel.region", "MARS"));
        String errors = validated.configValues().stream().filter(value -> value.name().equals("mixpanel.token"))
                .map(ConfigValue::errorMessages).findFirst().orElseThrow().toString();
        assertTrue(errors.contains("region"), errors);
    }

    @Test
    void theTokenNeverShowsInTheConnectorsConfigurationAsText() {
        ConfigDef def = new MixpanelSinkConnector().config();
        assertEquals(ConfigDef.Type.PASSWORD, def.configKeys().get("mixpanel." + Settings.TOKEN.name()).type);
        assertEquals(ConfigDef.Type.PASSWORD, def.configKeys().get("mixpanel." + Settings.API_SECRET.name()).type);
    }
}
