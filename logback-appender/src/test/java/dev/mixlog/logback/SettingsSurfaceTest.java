package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every setting is an element of {@code <appender class="...MixpanelAppender">} ({@code set<Name>}, or
 * {@code add<Name>} for a repeatable one), and a 0.1.0 {@code logback.xml} that gives every setting
 * still loads with each value in place.
 */
class SettingsSurfaceTest {

    @Test
    void everySettingIsAnElement() {
        List<String> missing = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            String method = (setting.isRepeatable() ? "add" : "set") + Character.toUpperCase(setting.name().charAt(0))
                    + setting.name().substring(1);
            try {
                MixpanelAppender.class.getMethod(method, String.class);
            } catch (NoSuchMethodException e) {
                missing.add(method);
            }
        }
        assertEquals(List.of(), missing, "MixpanelAppender lacks these settings");
    }

    @Test
    void aConfigurationGivingEverySettingStillLoads() throws Exception {
        try (LoopbackMixpanel server = LoopbackMixpanel.start(); LogbackHarness logback = LogbackHarness.configure("every-setting.xml", server.url())) {
            MixlogConfig config = logback.appender().getMixlogConfig();
            assertNotNull(config, logback::statusText);
            assertEquals(java.time.Duration.ofMillis(750), config.flushInterval());
            assertEquals(1000, config.maxBatchEvents());
            assertEquals(java.util.Set.of("tenant", "plan"), config.get(Settings.MDC_INCLUDE));
            assertEquals(java.util.Map.of("env", "prod", "team", "growth"), config.staticProperties());
            assertTrue(config.get(Settings.INCLUDE_THREAD));
            assertEquals(dev.mixlog.core.config.OverflowPolicy.BLOCK, config.overflowPolicy());
        }
    }
}
