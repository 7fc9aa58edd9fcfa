package com.example.shop.noappender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.slf4j.MixpanelMarkers;
import dev.mixlog.loopback.Await;
import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The logging configuration (logback-console-only.xml) has no Mixlog appender: the recorder attaches
 * one to the root logger while it is active and takes it away after.
 */
class CheckoutTest {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(CheckoutTest.class);

    @Test
    void theRecorderBringsItsOwnAppenderAndRemovesIt() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertNull(root.getAppender("MIXLOG_RECORDER"));
        MixlogRecorder mixpanel = new MixlogRecorder();

        // what JUnit does around a test for a recorder on an instance field
        mixpanel.beforeEach(null);
        try {
            assertNotNull(root.getAppender("MIXLOG_RECORDER"));
            log.atInfo().addMarker(MixpanelMarkers.event("Checkout Completed")).addKeyValue("distinct_id", "u-1")
                    .addKeyValue("total", 42.5).log("checkout");

            RecordedEvent event = mixpanel.events().get(0);
            assertEquals("Checkout Completed", event.name());
            assertEquals("u-1", event.distinctId());
            assertEquals(42.5, event.property("total"));
        } finally {
            mixpanel.afterEach(null);
        }
        assertNull(root.getAppender("MIXLOG_RECORDER"));
        Await.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains("MIXLOG_RECORDER")),
                "the attached appender's threads ended");
    }
}
