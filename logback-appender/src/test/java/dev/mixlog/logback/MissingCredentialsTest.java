package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;

/**
 * No credentials is the normal state of a developer's machine, a CI job or a test: the appender
 * starts disabled, says so once at WARN naming what to set, reports no ERROR (Spring Boot aborts
 * start-up on any ERROR status of Logback's, which it checks as {@link StatusUtil} does), starts no
 * thread, sends nothing, and counts every selected event it refuses.
 */
class MissingCredentialsTest {
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no-credentials.xml  | no token or service account is set",
        "undefined-token.xml | token refers to ${MIXPANEL_TOKEN_NOT_SET_HERE}, which is not defined",
        "empty-token.xml     | no token or service account is set",
    })
    void withoutCredentialsTheAppenderStartsDisabledAndCountsWhatItRefuses(String configuration, String reason) {
        logback = fixture.configureAlone(configuration);
        MixpanelAppender appender = logback.appender();

        assertTrue(appender.isStarted(), logback::statusText);
        assertTrue(new StatusUtil(logback.context()).getHighestLevel(0) < Status.ERROR,
                () -> "an ERROR status would make Spring Boot refuse to start:\n" + logback.statusText());
        List<String> warnings = logback.messages(Status.WARN).stream()
                .filter(message -> message.contains("disabled, nothing is sent"))
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), logback::statusText);
        assertTrue(warnings.get(0).contains(reason), warnings::toString);
        assertTrue(warnings.get(0).contains("Set token (the project token), or serviceAccountUsername"), warnings::toString);

        Logger log = logback.logger();
        assertDoesNotThrow(() -> {
            log.info(MixpanelMarkers.event("Signed Up"), "signed up");
            log.atInfo().addMarker(MixpanelMarkers.MIXPANEL).addKeyValue("k", 1).log("Order {} paid", 1);
            log.info("plain, not selected");
        });
        MixlogStats stats = appender.getStats();
        assertEquals(2, stats.dropped(DropReason.DISABLED), stats::toString);
        assertEquals(2, stats.delivered() + stats.droppedTotal(), "delivered + dropped == logged (selected)");
        assertTrue(LogbackHarness.mixlogThreads().isEmpty(), "no thread was started: " + LogbackHarness.mixlogThreads());
        assertTrue(appender.flush(java.time.Duration.ofSeconds(1)), "nothing is buffered");
        logback.stop();
        assertEquals(0, server.requestCount());
    }
}
