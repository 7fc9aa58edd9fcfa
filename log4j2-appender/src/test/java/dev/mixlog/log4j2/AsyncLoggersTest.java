package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * All loggers asynchronous (log4j2.contextSelector=AsyncLoggerContextSelector, set by the
 * {@code async-loggers} surefire execution): Log4j2 hands the appender reused RingBufferLogEvents
 * on its own thread, and stopping the context delivers everything logged before.
 */
class AsyncLoggersTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    private static final Marker STEP = MixpanelMarkers.event("Step Done");

    @Test
    void asyncLoggersDeliverEveryEventWithItsOwnValues() throws Exception {
        LoggerContext context = Configurator.initialize("async", "log4j2-async.xml");
        assertInstanceOf(AsyncLoggerContext.class, context);
        Logger log = context.getLogger("async.shop");
        assertInstanceOf(AsyncLogger.class, log);
        TestContexts.mixpanel(context, "mixpanel");

        int threads = 4;
        int perThread = 250;
        TestContexts.logFromThreads(log, STEP, threads, perThread);
        log.info(MixpanelMarkers.event("Order Placed"), new MixpanelAppenderTest.Fields()
                .with("distinct_id", "u-9").with("items", 3));
        Configurator.shutdown(context);

        List<JsonNode> events = server.records();
        assertEquals(threads * perThread + 1, events.size(), "stop delivers everything logged before it");
        for (JsonNode body : Bodies.of(server)) {
            assertEquals(List.of(), IngestionRules.importBody(body));
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode properties = event.path("properties");
            if (event.path("event").asText().equals("Order Placed")) {
                assertEquals("u-9", properties.path("distinct_id").asText());
                assertTrue(properties.path("items").isIntegralNumber());
                continue;
            }
            assertEquals("Step Done", event.path("event").asText());
            String user = properties.path("distinct_id").asText().substring("user-".length());
            String message = properties.path("message").asText();
            assertTrue(message.endsWith(" of user " + user), message + " logged for user-" + user);
            assertEquals("producer-" + user, properties.path("thread").asText(), "the logging thread, not Log4j2's");
            assertEquals("prod", properties.path("env").asText());
            seen.add(message);
        }
        assertEquals(threads * perThread, seen.size());
    }
}
