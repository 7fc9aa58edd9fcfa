package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Await;
import dev.mixlog.core.testing.MixpanelSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/** Batches of maxBatchEvents, and what stop(timeout, unit) delivers. */
class BatchingAndStopTest {

    @Test
    void fullBatchesAreSentAtOnceAndStopSendsTheRest() throws Exception {
        try (MockMixpanel server = MockMixpanel.start()) {
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
            for (JsonNode body : server.bodies()) {
                assertEquals(List.of(), MixpanelSchema.importBody(body));
                body.forEach(event -> names.add(event.path("event").asText()));
            }
            names.sort(null);
            assertEquals(List.of("event 1", "event 2", "event 3", "event 4", "event 5", "event 6", "event 7"), names);
        }
    }

    @Test
    void stoppingTheContextDeliversWhatIsBuffered() throws Exception {
        try (MockMixpanel server = MockMixpanel.start()) {
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
    }

    @Test
    void stopReturnsWithinTheCallersTimeoutWhenMixpanelDoesNotAnswer() throws Exception {
        MockMixpanel server = MockMixpanel.silent();
        MixpanelAppender appender;
        try {
            LoggerContext context = TestContexts.start("log4j2-silent-server.xml");
            appender = TestContexts.mixpanel(context, "mixpanel");
            context.getLogger("slow").info(MixpanelMarkers.MIXPANEL, "Never Answered");
            server.awaitRequests(1);

            long started = System.nanoTime();
            boolean complete = appender.stop(200, TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertFalse(complete, "the request is still unanswered");
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "stop took " + took + " of shutdownTimeout=30s");
            assertFalse(appender.isStarted());
            context.stop();
        } finally {
            server.close();
        }
        Await.until(() -> appender.getStats().droppedTotal() == 1, "the unanswered event counted as dropped");
    }

    private static List<Integer> sizes(MockMixpanel server) {
        List<Integer> sizes = new ArrayList<>();
        server.bodies().forEach(body -> sizes.add(body.size()));
        sizes.sort((a, b) -> b - a);
        return sizes;
    }
}
