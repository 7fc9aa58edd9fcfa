package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * A {@code distinctIdKey} that names no key the events carry sends every event anonymous: the
 * appender counts each one ({@code sentWithoutDistinctId}) and, when most events of a report interval
 * went out so, says which key it looked for and which keys the events carried.
 */
class IdentityWarningTest {
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();

    @Test
    void aDistinctIdKeyNoEventCarriesIsNamedWithTheKeysTheEventsCarried() {
        LogbackHarness logback = fixture.configure("identity-wrong-key.xml");
        Logger log = logback.logger();
        MDC.put("tenant", "acme");
        int[] logged = {0};
        String warning;
        try {
            // events keep coming until an interval with enough of them has closed and the warning is out
            warning = awaitWhileLogging(logback, log, logged, "went out without a distinct_id");
        } finally {
            MDC.clear();
        }

        assertTrue(warning.contains("'Distinct_id'"), warning);
        assertTrue(warning.contains("distinct_id") && warning.contains("plan") && warning.contains("tenant"), warning);
        logback.stop();
        MixlogStats stats = logback.stats();
        assertEquals(logged[0], stats.delivered() + stats.droppedTotal(), stats.toString());
        assertEquals(logged[0], stats.sentWithoutDistinctId(), "each anonymous event counted");
        List<JsonNode> events = fixture.server().acceptedEvents();
        assertEquals(logged[0], events.size());
        events.forEach(event -> assertEquals("", event.path("properties").path("distinct_id").asText()));
    }

    @Test
    void withTheDefaultKeyAnonymousEventsAreCountedWithoutAWarning() {
        LogbackHarness logback = fixture.configure("identity-default-key.xml");
        Logger log = logback.logger();
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            signUp(log, i % 2 == 0 ? null : "u-" + i);
        }
        // past several report intervals, then events that close one: no warning for the default key
        Await.until(() -> System.nanoTime() - start >= Duration.ofMillis(600).toNanos(), "three report intervals passed");
        signUp(log, null);
        signUp(log, null);
        logback.stop();

        MixlogStats stats = logback.stats();
        assertEquals(12, stats.delivered() + stats.droppedTotal(), stats.toString());
        assertEquals(7, stats.sentWithoutDistinctId());
        assertTrue(logback.messages(Status.WARN).stream().noneMatch(m -> m.contains("without a distinct_id")), logback::statusText);
    }

    private static String awaitWhileLogging(LogbackHarness logback, Logger log, int[] logged, String text) {
        String[] found = new String[1];
        Await.until(Duration.ofSeconds(30), () -> {
            signUp(log, "u-" + logged[0]);
            logged[0]++;
            for (String message : logback.messages(Status.WARN)) {
                if (message.contains(text)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        }, logback::statusText);
        return found[0];
    }

    private static void signUp(Logger log, String userId) {
        if (userId == null) {
            log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).addKeyValue("plan", "pro").log("signed up");
        } else {
            log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).addKeyValue("distinct_id", userId).addKeyValue("plan", "pro")
                    .log("signed up");
        }
    }
}
