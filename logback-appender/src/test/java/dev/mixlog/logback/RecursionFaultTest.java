package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.StatusListener;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * Whatever is logged while Mixlog delivers (by Mixlog's own threads, a status listener running on
 * them, or application code Mixlog calls, bridged from java.util.logging) never re-enters the
 * appender: no loop, and with {@code overflowPolicy=block} and a full ring no deadlock.
 */
class RecursionFaultTest {
    private static final Pattern COUNTS = Pattern.compile(
            "captured=(\\d+) delivered=(\\d+) renderingRecords=(\\d+) onMixlogThreads=(\\d+)");
    private static final long BLOCK_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void statusMessagesLoggedOnMixlogThreadsNeverReEnterTheAppender() {
        server.hang();
        logback = fixture.configure("fault-recursion.xml");
        MixlogStats stats = logback.stats();
        LoggingStatusListener echo = echoListener();
        Logger log = logback.logger();

        int events = 120;
        long slowest = 0;
        for (int seq = 0; seq < events; seq++) {
            long before = System.nanoTime();
            log.atInfo().addKeyValue("seq", seq).log("checkout {}", seq);
            slowest = Math.max(slowest, System.nanoTime() - before);
        }
        long ringFull = stats.dropped(DropReason.RING_FULL);
        assertTrue(ringFull > 0, "the ring filled: " + stats);
        Await.until(Duration.ofSeconds(30), () -> echo.echoedOnMixlogThreads() > 0,
                () -> "a status reported on a Mixlog thread was logged: " + logback.statusText());
        assertTrue(slowest < BLOCK_TIMEOUT_NANOS + TimeUnit.MILLISECONDS.toNanos(1000),
                "slowest call " + Figures.millis(slowest) + " ms with blockTimeout 50 ms");

        server.release();
        Await.until(Duration.ofSeconds(30), () -> stats.delivered() + stats.droppedTotal() >= events, stats::toString);
        logback.stop();

        assertEquals(events, stats.captured() + ringFull, "only the application's events were taken: " + stats);
        assertEquals(events - ringFull, server.ingestedCount());
        for (JsonNode event : server.ingestedEvents()) {
            assertEquals("com.example.shop.Checkout", event.path("properties").path("logger").asText());
        }
        Figures.report("recursion, in process", events + " events into a 64-slot ring with overflowPolicy=block while the "
                + "server hung: slowest call " + Figures.millis(slowest) + " ms (blockTimeout 50 ms), " + ringFull
                + " dropped; " + echo.echoed() + " status messages logged back through Logback (" + echo.echoedOnMixlogThreads()
                + " on Mixlog threads), none taken; no deadlock");
    }

    private LoggingStatusListener echoListener() {
        for (StatusListener listener : logback.appender().getContext().getStatusManager().getCopyOfStatusListenerList()) {
            if (listener instanceof LoggingStatusListener) {
                return (LoggingStatusListener) listener;
            }
        }
        throw new AssertionError("no LoggingStatusListener configured");
    }

    @Test
    void javaUtilLoggingBridgedFromValuesRenderedOnMixlogThreadsNeverReEntersTheAppender() throws Exception {
        int events = 500;
        ChildJvm.Result child = ForkedLogback.run("fault-jul-bridge.xml", Map.of("mockUrl", server.url()), "bridge",
                String.valueOf(events));

        assertEquals(0, child.exitCode, child.output);
        Matcher counts = COUNTS.matcher(child.output);
        assertTrue(counts.find(), child.output);
        int captured = Integer.parseInt(counts.group(1));
        int rendered = Integer.parseInt(counts.group(3));
        int renderedOnMixlogThreads = Integer.parseInt(counts.group(4));
        assertTrue(renderedOnMixlogThreads >= events, "each value logged as Mixlog rendered it: " + child.output);
        assertEquals(events, captured, "only the application's events were taken: " + child.output);
        assertEquals(events, server.ingestedCount());
        for (JsonNode event : server.ingestedEvents()) {
            assertEquals("com.example.shop.Checkout", event.path("properties").path("logger").asText());
        }
        Figures.report("recursion, java.util.logging bridged", "selection=all at DEBUG with java.util.logging bridged: values "
                + "logged " + rendered + " records into Logback as they were rendered (" + renderedOnMixlogThreads
                + " on Mixlog's threads) while " + events + " events were sent; the appender took exactly the " + events
                + " application events, no loop");
    }
}
