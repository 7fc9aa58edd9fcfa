package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With Actuator, the counters are Micrometer meters under {@code mixlog.} and a {@code mixlog} health
 * contributor shows them with the last failure: UP while Mixpanel fails, unless asked otherwise. The
 * health is read through Boot's own types by reflection, so that the same test runs on Boot 3 and 4.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class ActuatorTest {
    private LoopbackMixpanel server;
    private ConfigurableApplicationContext application;

    @AfterEach
    void stop() {
        application.close();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        for (MixpanelAppender appender : LogbackAttachment.mixpanelAppenders()) {
            appender.stop();
            root.detachAppender(appender);
        }
    }

    @Test
    void metersCountWhatWasDeliveredAndHealthStaysUpWhileMixpanelFails() throws Exception {
        application = ActuatedShop.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "mixlog.retry-initial-backoff=20ms", "mixlog.retry-max-backoff=50ms");
        org.slf4j.Logger log = LoggerFactory.getLogger("shop");
        for (int i = 0; i < 3; i++) {
            log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Paid")).addKeyValue("distinct_id", "u-" + i).log("paid");
        }
        server.awaitAcceptedEvents(3);
        MixpanelAppender appender = LogbackAttachment.mixpanelAppenders().get(0);
        assertTrue(appender.flush(Duration.ofSeconds(10)));

        MeterRegistry registry = application.getBean(MeterRegistry.class);
        assertEquals(3.0, registry.get("mixlog.events.delivered").functionCounter().count());
        assertEquals(0.0, registry.get("mixlog.events.dropped").tag("reason", "invalid").functionCounter().count());
        for (io.micrometer.core.instrument.Meter dropped : registry.get("mixlog.events.dropped").meters()) {
            assertEquals(MixlogMeters.DROPPED_DESCRIPTION, dropped.getId().getDescription(), "no reason's own text for all reasons");
        }
        assertTrue(registry.get("mixlog.requests").functionCounter().count() >= 1);
        assertEquals("UP", status(health()));
        assertEquals(3L, ((Number) details(health()).get("delivered")).longValue());
        assertEquals(0.0, registry.get("mixlog.events.without.distinct.id").functionCounter().count(), "every event had its id");
        assertEquals(0L, ((Number) details(health()).get("sentWithoutDistinctId")).longValue());

        server.answerWith(request -> Reply.json(503, "{\"error\":\"unavailable\"}"));
        log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Paid")).addKeyValue("distinct_id", "u-9").log("paid");
        Await.until(() -> appender.getStats().failing(), "requests failing");
        assertEquals("UP", status(health()), "an analytics outage does not fail the application's health");
        String lastFailure = (String) details(health()).get("lastFailure");
        assertTrue(lastFailure.contains("503"), lastFailure);
        assertEquals(Boolean.TRUE, details(health()).get("failing"));

        server.answerWith(Reply::asMixpanelWould);
        Await.until(() -> !appender.getStats().failing() && appender.getStats().delivered() == 4, "delivered once Mixpanel is back");
        assertEquals(4.0, registry.get("mixlog.events.delivered").functionCounter().count());
        // the 503 asked the rate down: the limit and the time under it are meters too
        assertTrue(registry.get("mixlog.send.rate.limit").gauge().value() > 0);
        assertTrue(registry.get("mixlog.rate.limited.time").functionCounter().count() > 0);
        assertEquals(0.0, registry.get("mixlog.events.past.hot.shard.limit").functionCounter().count());
    }

    @Test
    void downWhileFailingWhenAskedTo() throws Exception {
        server.answerWith(request -> Reply.json(503, "{\"error\":\"unavailable\"}"));
        application = ActuatedShop.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "mixlog.health.down-while-failing=true");
        LoggerFactory.getLogger("shop").atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Paid"))
                .addKeyValue("distinct_id", "u-1").log("paid");
        Await.until(() -> "DOWN".equals(status(health())), "DOWN while requests fail");
    }

    private Object health() {
        try {
            Object indicator = application.getBean("mixlogHealthIndicator");
            return indicator.getClass().getMethod("health").invoke(indicator);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String status(Object health) {
        try {
            Object status = health.getClass().getMethod("getStatus").invoke(health);
            return (String) status.getClass().getMethod("getCode").invoke(status);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Object health) {
        try {
            return (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
