package dev.mixlog.spring.boot.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.log4j2.MixpanelAppender;
import dev.mixlog.log4j2.MixpanelMarkers;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.spring.boot.ActuatedShop;
import dev.mixlog.spring.boot.Mixlog;
import dev.mixlog.spring.boot.ShopApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications on Log4j2 (spring-boot-starter-log4j2, Logback off the class path),
 * configured only by {@code mixlog.*} properties: one appender on the root logger, events through the
 * Log4j2 API and through SLF4J arrive, and a reconfiguration gets the appender back, still only one.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class Log4j2StarterTest {
    private LoopbackMixpanel server;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        running.forEach(ConfigurableApplicationContext::close);
        ThreadContext.clearAll();
        for (MixpanelAppender appender : mixpanelAppenders()) {
            appender.stop();
            context().getConfiguration().getRootLogger().removeAppender(appender.getName());
        }
    }

    @Test
    void eventsThroughTheLog4j2ApiAndThroughSlf4jArriveAndAReconfigurationKeepsOneAppender() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms"));
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms"));
        assertEquals(1, mixpanelAppenders().size(), "a second application adds no second appender");

        ThreadContext.put("distinct_id", "u-1");
        LogManager.getLogger("shop").info(MixpanelMarkers.event("Signed Up"), new MapMessage<>().with("plan", "pro"));
        Marker viewed = MarkerFactory.getMarker("Page Viewed");
        viewed.add(MarkerFactory.getMarker("MIXPANEL"));
        LoggerFactory.getLogger("shop").info(viewed, "viewed");
        LoggerFactory.getLogger("shop").info(dev.mixlog.slf4j.MixpanelMarkers.event("Searched"), "the neutral helper");
        LoggerFactory.getLogger("shop").info(dev.mixlog.slf4j.MixpanelMarkers.profileDelete(), "a profile operation");
        server.awaitAcceptedRecords("/engage", 1);
        List<JsonNode> events = server.awaitAcceptedEvents(4);
        assertEquals("Signed Up", server.event("Signed Up").path("event").asText());
        assertEquals("pro", server.event("Signed Up").path("properties").path("plan").asText());
        assertEquals("u-1", server.event("Page Viewed").path("properties").path("distinct_id").asText());
        assertEquals("u-1", server.event("Searched").path("properties").path("distinct_id").asText());
        assertEquals("", server.acceptedRecords("/engage").get(0).path("$delete").asText());
        assertEquals("u-1", server.acceptedRecords("/engage").get(0).path("$distinct_id").asText());
        assertEquals(4, events.size(), "three events and one profile update");

        context().reconfigure();
        assertEquals(1, mixpanelAppenders().size(), "re-attached once after a reconfiguration");
        LogManager.getLogger("shop").info(MixpanelMarkers.event("After Reconfigure"), "again");
        server.awaitAcceptedEvents(5);
        assertEquals(List.of(), server.violations());
        MixpanelAppender appender = mixpanelAppenders().get(0);
        assertTrue(appender.flush(Duration.ofSeconds(10)));
        assertEquals(1, appender.getStats().delivered(), "the new appender delivered the one logged after it came");
    }

    @Test
    void withTheRootAtWarnMarkedInfoEventsStillArriveThroughBothApis() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "logging.level.root=WARN"));
        org.apache.logging.log4j.ThreadContext.put("distinct_id", "u-1");
        try {
            org.apache.logging.log4j.LogManager.getLogger("shop").info(dev.mixlog.log4j2.MixpanelMarkers.event("Through Log4j2"), "info");
            org.slf4j.LoggerFactory.getLogger("shop").info(dev.mixlog.slf4j.MixpanelMarkers.event("Through SLF4J"), "info");
        } finally {
            org.apache.logging.log4j.ThreadContext.clearAll();
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        server.awaitAcceptedEvents(2).forEach(event -> names.add(event.path("event").asText()));
        assertEquals(java.util.List.of("Through Log4j2", "Through SLF4J"), names);
    }

    @Test
    void typedPropertiesThroughSlf4jArriveWithTheSameJsonAsOnLogback() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(), "mixlog.flush-interval=50ms"));
        Object[] arguments = dev.mixlog.core.testing.TypedProperties.arguments(dev.mixlog.slf4j.MixpanelMarkers::property);
        org.slf4j.LoggerFactory.getLogger("shop").info(dev.mixlog.slf4j.MixpanelMarkers.event("Signed Up"), "signed up {}", arguments);

        assertEquals(dev.mixlog.core.testing.TypedProperties.EXPECTED_JSON,
                dev.mixlog.core.testing.TypedProperties.propertiesJson(server.awaitAcceptedEvents(1).get(0)));
    }

    @Test
    void theMetersKeepCountingAcrossAReconfiguration() {
        running.add(ActuatedShop.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(), "mixlog.flush-interval=50ms"));
        MeterRegistry registry = running.get(0).getBean(MeterRegistry.class);
        ThreadContext.put("distinct_id", "u-1");
        LogManager.getLogger("shop").info(MixpanelMarkers.event("Before"), "before");
        server.awaitAcceptedEvents(1);
        assertTrue(Mixlog.flush(Duration.ofSeconds(10)));
        assertEquals(1.0, registry.get("mixlog.events.delivered").functionCounter().count());

        context().reconfigure();
        LogManager.getLogger("shop").info(MixpanelMarkers.event("After"), "after");
        server.awaitAcceptedEvents(2);
        assertTrue(Mixlog.flush(Duration.ofSeconds(10)));
        assertEquals(2.0, registry.get("mixlog.events.delivered").functionCounter().count(),
                "the replaced appender's delivery still counts");
    }

    private static LoggerContext context() {
        return assertInstanceOf(LoggerContext.class, LogManager.getContext(false));
    }

    private static List<MixpanelAppender> mixpanelAppenders() {
        List<MixpanelAppender> found = new ArrayList<>();
        for (Appender appender : context().getConfiguration().getRootLogger().getAppenders().values()) {
            if (appender instanceof MixpanelAppender && appender.isStarted()) {
                found.add((MixpanelAppender) appender);
            }
        }
        return found;
    }
}
