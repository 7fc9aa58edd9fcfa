package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.slf4j.MixpanelMarkers;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's first snippet, in a project that has only the BOM and mixlog-logback. */
class SignUpTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mixpanelUrl");

    @Test
    void aSignUpReachesMixpanel() {
        // Logback reads logback-test.xml here, with ${mixpanelUrl} set to the loopback server
        Logger log = LoggerFactory.getLogger(SignUpTest.class);
        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up"))
                .addKeyValue("distinct_id", "u-1")
                .addKeyValue("plan", "premium")
                .addKeyValue("seats", 5)
                .log("user {} signed up", "u-1");

        LoopbackMixpanel server = mixpanel.server();
        List<JsonNode> events = server.awaitAcceptedEvents(1);
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        MixpanelAppender appender = (MixpanelAppender) logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        logback.stop();

        JsonNode properties = events.get(0).path("properties");
        assertEquals("Signed Up", events.get(0).path("event").asText());
        assertEquals("u-1", properties.path("distinct_id").asText());
        assertEquals("premium", properties.path("plan").asText());
        assertEquals(5, properties.path("seats").asInt());
        assertEquals(List.of(), server.violations());
        assertEquals(1, appender.getStats().delivered());
        assertEquals(0, appender.getStats().droppedTotal());
    }
}
