package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * A constant used as {@code distinct_id} (a pod name) passes Mixpanel's daily limit for one id: the
 * appender says so at 90% and at the limit, naming the id shortened, counts every event past it,
 * and sends them (the default) or drops them counted ({@code hotShardDrop}). Group keys count too.
 */
class HotShardTest {
    private static final String POD = "web-pod-7f9c4";
    private static final int LIMIT = 50;

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();

    @Test
    void aConstantDistinctIdIsNamedShortenedNearAndPastTheLimitAndItsEventsAreStillSent() {
        LogbackHarness logback = fixture.configure("hot-shard.xml", Map.of("mockUrl", fixture.server().url(), "hotShardDrop", "false"));
        int logged = 60;
        logAs(logback.logger(), POD, logged);
        logback.stop();

        MixlogStats stats = logback.stats();
        assertEquals(logged, stats.delivered(), stats.toString());
        assertEquals(logged - LIMIT, stats.pastHotShardLimit());
        assertEquals(logged, fixture.server().ingestedCount());
        List<String> warnings = logback.messages(Status.WARN);
        assertTrue(warnings.stream().anyMatch(m -> m.contains("'we…c4' (13 characters) has 45 events today")), logback::statusText);
        assertTrue(warnings.stream().anyMatch(m -> m.contains("'we…c4' (13 characters) passed 50 events today")), logback::statusText);
        assertEquals(2, warnings.stream().filter(m -> m.contains("we…c4")).count(), "once near, once past: " + warnings);
        assertFalse(logback.statusText().contains(POD), "the whole id is never shown");
    }

    @Test
    void withHotShardDropTheEventsPastTheLimitAreDroppedAndCounted() {
        LogbackHarness logback = fixture.configure("hot-shard.xml", Map.of("mockUrl", fixture.server().url(), "hotShardDrop", "true"));
        Logger log = logback.logger();
        logAs(log, POD, 70);
        // other users are not touched
        for (int i = 0; i < 30; i++) {
            logAs(log, "user-" + i, 1);
        }
        logback.stop();

        MixlogStats stats = logback.stats();
        assertEquals(LIMIT + 30, stats.delivered(), stats.toString());
        assertEquals(20, stats.dropped(DropReason.HOT_SHARD));
        assertEquals(100, stats.delivered() + stats.droppedTotal());
        assertEquals(LIMIT + 30, fixture.server().ingestedCount());
    }

    @Test
    void aGroupKeyValueCountsAgainstFiveTimesTheLimit() {
        LogbackHarness logback = fixture.configure("hot-shard.xml", Map.of("mockUrl", fixture.server().url(), "hotShardDrop", "false"));
        Logger log = logback.logger();
        int logged = 5 * LIMIT + 5;
        for (int i = 0; i < logged; i++) {
            log.atInfo().addMarker(MixpanelMarkers.event("Invoice Paid")).addKeyValue("distinct_id", "user-" + i)
                    .addKeyValue("company_id", "acme-corporation").log("paid");
        }
        logback.stop();

        MixlogStats stats = logback.stats();
        assertEquals(logged, stats.delivered(), stats.toString());
        assertEquals(5, stats.pastHotShardLimit());
        assertTrue(logback.messages(Status.WARN).stream().anyMatch(m -> m.contains("group id (company_id) 'ac…on' (16 characters) "
                + "passed 250 events today")), logback::statusText);
    }

    private static void logAs(Logger log, String distinctId, int events) {
        for (int i = 0; i < events; i++) {
            log.atInfo().addMarker(MixpanelMarkers.event("Page Viewed")).addKeyValue("distinct_id", distinctId).log("viewed");
        }
    }
}
