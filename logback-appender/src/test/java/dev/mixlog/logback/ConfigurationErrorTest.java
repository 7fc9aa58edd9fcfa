package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;

/**
 * A bad setting is refused when the configuration is loaded: the appender does not start, Logback's
 * status shows an error naming the setting and what to do, and the application logs on unharmed.
 */
class ConfigurationErrorTest {
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-max-batch-events.xml        | maxBatchEvents must be a whole number from 1 to 2000 | got 5000",
        "bad-ring-buffer-size.xml        | ringBufferSize must be a power of two              | such as 4096, 16384 or 65536",
        "bad-flush-interval.xml          | flushInterval must be a duration                   | such as 500ms, 2s or 1min, got 'abc'",
        "bad-track-without-token.xml     | endpoint=track needs the project token             | set token",
        "bad-partial-service-account.xml | serviceAccountUsername, serviceAccountSecret and projectId | missing: serviceAccountSecret, projectId",
    })
    void badSettingStopsTheAppenderWithAWarningSayingWhatToFix(String configuration, String setting, String fix) {
        logback = fixture.configureAlone(configuration);
        MixpanelAppender appender = logback.appender();

        assertNotNull(appender, "the appender is still declared and attached");
        assertFalse(appender.isStarted());
        assertNull(appender.getStats());
        assertTrue(logback.messages(Status.ERROR).isEmpty(), () -> "no ERROR status, which would abort a Spring Boot start: "
                + logback.statusText());
        List<String> errors = logback.messages(Status.WARN).stream()
                .filter(message -> message.startsWith("Mixpanel appender not started"))
                .collect(Collectors.toList());
        assertEquals(1, errors.size(), logback::statusText);
        assertTrue(errors.get(0).contains(setting), () -> "names the setting '" + setting + "': " + errors.get(0));
        assertTrue(errors.get(0).contains(fix), () -> "says what to fix '" + fix + "': " + errors.get(0));

        Logger log = logback.logger();
        assertDoesNotThrow(() -> {
            log.info(MixpanelMarkers.event("Signed Up"), "signed up");
            log.atInfo().addMarker(MixpanelMarkers.MIXPANEL).addKeyValue("k", 1).log("Order {} paid", 1);
            log.info("plain");
        });
        assertDoesNotThrow(logback::stop);
        assertEquals(0, server.requestCount());
        assertTrue(LogbackHarness.mixlogThreads().isEmpty(), "no thread was started: " + LogbackHarness.mixlogThreads());
    }
}
