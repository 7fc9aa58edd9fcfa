package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches of maxBatchEvents, and what stop(timeout, unit) delivers. */
class BatchingAndStopTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;


    @Test
    void fullBatchesAreSentAtOnceAndStopSendsTheRest() throws Exception {
        LoggerContext context = TestContexts.start("log4j2-batches.xml");
        Logger log = context.getLogger("zero.code");
        for (int i = 1; i <= 7; i++) {
            log.info("event " + i);
        }
        server.awaitRequests(2);
        assertEquals(List.of(3, 3), sizes(server), "the flush timer (1h) has not run");

        context.stop(10, TimeUnit.SECONDS);

        assertEquals(List.of(3, 3, 1), sizes(server));
        List<String> names = new ArrayList<>();
        for (JsonNode body : Bodies.of(server)) {
            assertEquals(List.of(), IngestionRules.importBody(body));
            body.forEach(event -> names.add(event.path("event").asText()));
        }
        names.sort(null);
        assertEquals(List.of("event 1", "event 2", "event 3", "event 4", "event 5", "event 6", "event 7"), names);
    }

    @Test
    void flushDeliversWhatIsBufferedWithoutStopping() throws Exception {
        LoggerContext context = TestContexts.start("log4j2-batches.xml");
        MixpanelAppender appender = TestContexts.mixpanel(context, "batched");
        Logger log = context.getLogger("zero.code");
        for (int i = 1; i <= 7; i++) {
            log.info("event " + i);
        }
        server.awaitRequests(2);

        assertTrue(appender.flush(Duration.ofSeconds(10)));

        assertEquals(List.of(3, 3, 1), sizes(server), "the last part batch sent at once, the timer being 1 h");
        assertEquals(7, appender.getStats().delivered());
        assertTrue(appender.isStarted());
        context.stop(10, TimeUnit.SECONDS);
    }

    @Test
    void stoppingTheContextDeliversWhatIsBuffered() throws Exception {
        LoggerContext context = TestContexts.start("log4j2-batches.xml");
        MixpanelAppender appender = TestContexts.mixpanel(context, "batched");
        Logger log = context.getLogger("zero.code");
        log.info("first");
        log.info("second");
        assertTrue(server.requests().isEmpty(), "a part batch waits for the timer or for stop");

        assertTrue(context.stop(10, TimeUnit.SECONDS));

        assertFalse(appender.isStarted());
        assertEquals(List.of(2), sizes(server));
        assertEquals(2, appender.getStats().delivered());
    }

    @Test
    void stopWaitsForItsOwnShutdownTimeoutWhateverTheCallerPassesAndCountsWhatIsLeft() throws Exception {
        server.hang();
        MixpanelAppender appender;
        try {
            LoggerContext context = TestContexts.start("log4j2-silent-server.xml");
            appender = TestContexts.mixpanel(context, "mixpanel");
            context.getLogger("slow").info(MixpanelMarkers.MIXPANEL, "Never Answered");
            server.awaitRequests(1);

            long started = System.nanoTime();
            context.stop(200, TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(took.compareTo(Duration.ofMillis(900)) > 0, "stop took " + took + ": it waited for the caller's 200 ms only");
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "stop took " + took + " of shutdownTimeout=1s");
            assertFalse(appender.isStarted());
        } finally {
            server.release();
        }
        assertEquals(1, appender.getStats().dropped(dev.mixlog.core.diag.DropReason.SHUTDOWN), appender.getStats()::toString);
    }

    private static List<Integer> sizes(LoopbackMixpanel server) {
        List<Integer> sizes = new ArrayList<>();
        Bodies.of(server).forEach(body -> sizes.add(body.size()));
        sizes.sort((a, b) -> b - a);
        return sizes;
    }
}
