package dev.mixlog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Programmatic configuration with typed values, checked by the same rules as the text of an XML file. */
class TypedSettingsTest {

    @Test
    void typedValuesBuildTheSameConfigurationAsText() {
        MixlogConfig typed = new MixlogSettings().set(Settings.TOKEN, "t")
                .set(Settings.FLUSH_INTERVAL, Duration.ofMillis(250))
                .set(Settings.MAX_BATCH_EVENTS, 500)
                .set(Settings.MAX_BUFFER_BYTES, 8L * 1024 * 1024)
                .set(Settings.ENDPOINT, Endpoint.TRACK)
                .set(Settings.GZIP, false)
                .set(Settings.MDC_EXCLUDE, Set.of("traceId"))
                .set(Settings.STATIC_PROPERTY, Map.of("env", "prod"))
                .build();
        MixlogConfig text = new MixlogSettings().text("token", "t").text("flushInterval", "250ms")
                .text("maxBatchEvents", "500").text("maxBufferBytes", "8MiB").text("endpoint", "track")
                .text("gzip", "false").text("mdcExclude", "traceId").text("staticProperty", "env=prod").build();

        for (Setting<?> setting : Settings.all()) {
            assertEquals(text.get(setting), typed.get(setting), setting.name());
        }
        assertEquals(Duration.ofMillis(250), typed.flushInterval());
        assertEquals(Endpoint.TRACK, typed.endpoint());
    }

    @Test
    void aTypedDurationKeepsItsPrecision() {
        MixlogConfig config = new MixlogSettings().set(Settings.TOKEN, "t")
                .set(Settings.FLUSH_INTERVAL, Duration.ofNanos(1_500_001)).build();
        assertEquals(Duration.ofNanos(1_500_001), config.flushInterval());
    }

    @Test
    void typedValuesOutOfRangeAreReportedLikeText() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new MixlogSettings()
                .set(Settings.TOKEN, "t").set(Settings.MAX_BATCH_EVENTS, 5000).set(Settings.FLUSH_INTERVAL, Duration.ofHours(2))
                .build());
        assertEquals(2, e.problems().size(), e.problems()::toString);
        assertTrue(e.getMessage().contains("maxBatchEvents must be a whole number from 1 to 2000, got 5000."), e.getMessage());
        assertTrue(e.getMessage().contains("flushInterval must be from PT0.001S to PT1H"), e.getMessage());
    }

    @Test
    void anUnknownSettingNameIsReported() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new MixlogSettings().text("token", "t").text("flushIntervall", "1s").build());
        assertEquals("there is no setting named 'flushIntervall'.", e.problems().get(0));
    }
}
