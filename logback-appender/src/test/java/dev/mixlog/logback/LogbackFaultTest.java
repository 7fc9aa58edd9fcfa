package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import java.time.Duration;
import java.util.BitSet;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * The fault suite's random-failure scenario through a real {@code logback.xml}: 100,000 events
 * against a server failing a fifth of requests (seeded), none lost, no credential in Logback's status.
 */
class LogbackFaultTest {
    private static final Marker ORDER_PAID = MixpanelMarkers.event("Order Paid");
    private static final String TOKEN = "fault-suite-token-6f1d2e9a";
    private static final long SEED = 7_340_033L;
    private static final int EVENTS = 100_000;

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void aFifthOfRequestsFailingLosesNothing() {
        Random random = new Random(SEED);
        AtomicInteger failed = new AtomicInteger();
        server.answerWith(arrival -> {
            int roll;
            synchronized (random) {
                roll = random.nextInt(100);
            }
            if (roll >= 20) {
                return Reply.accept();
            }
            failed.incrementAndGet();
            return roll < 10 ? Reply.refuse(503, "{\"error\":\"unavailable: " + arrival.authorization() + "\"}")
                    : roll < 15 ? Reply.dropConnection() : Reply.ingestThenDropConnection();
        });
        logback = fixture.configure("fault-flaky.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();

        long started = System.nanoTime();
        for (int seq = 0; seq < EVENTS; seq++) {
            log.atInfo().addMarker(ORDER_PAID).addKeyValue("distinct_id", "user-" + seq % 977).addKeyValue("seq", seq)
                    .addKeyValue("amount", seq % 500 / 10.0).log("order {} paid", seq);
        }
        Await.until(Duration.ofSeconds(60), () -> stats.delivered() + stats.droppedTotal() >= EVENTS, stats::toString);
        long took = System.nanoTime() - started;

        assertEquals(EVENTS, stats.delivered(), stats::toString);
        assertEquals(0, stats.droppedTotal());
        assertEquals(EVENTS, server.ingestedCount());
        BitSet seqs = new BitSet();
        for (JsonNode event : server.ingestedEvents()) {
            seqs.set(event.path("properties").path("seq").intValue());
        }
        assertEquals(EVENTS, seqs.cardinality());
        assertEquals(java.util.List.of(), server.violations());
        assertTrue(failed.get() > server.requestCount() / 10, failed + " of " + server.requestCount() + " requests failed");
        logback.awaitStatus(Status.WARN, "retrying with backoff");
        String basic = java.util.Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Status status : logback.statuses()) {
            assertFalse(status.getMessage().contains(TOKEN) || status.getMessage().contains(basic), status::getMessage);
        }
        Figures.report("random faults through logback.xml", EVENTS + " events, " + server.requestCount() + " requests, "
                + failed + " failed (seed " + SEED + "); lost 0; " + server.duplicatesIngested()
                + " resent events deduplicated by $insert_id; settled in " + Figures.millis(took) + " ms");
    }
}
