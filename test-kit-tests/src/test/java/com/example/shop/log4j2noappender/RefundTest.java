package com.example.shop.log4j2noappender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.log4j2.MixpanelMarkers;
import dev.mixlog.loopback.Await;
import dev.mixlog.test.MixlogRecorder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.Test;

/** log4j2-console-only.xml has no Mixlog appender: the recorder attaches one to the root logger and takes it away after. */
class RefundTest {
    private static final Logger log = LogManager.getLogger(RefundTest.class);

    @Test
    void theRecorderBringsItsOwnAppenderAndRemovesIt() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        MixlogRecorder mixpanel = new MixlogRecorder();

        // what JUnit does around a test for a recorder on an instance field
        mixpanel.beforeEach(null);
        try {
            assertTrue(context.getConfiguration().getRootLogger().getAppenders().containsKey("MIXLOG_RECORDER"));
            log.info(MixpanelMarkers.event("Refund Issued"), new MapMessage<>().with("distinct_id", "u-4").with("amount", 12));

            assertEquals(12, mixpanel.events("Refund Issued").get(0).property("amount"));
            assertEquals("u-4", mixpanel.events("Refund Issued").get(0).distinctId());
        } finally {
            mixpanel.afterEach(null);
        }
        assertFalse(context.getConfiguration().getRootLogger().getAppenders().containsKey("MIXLOG_RECORDER"));
        Await.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains("MIXLOG_RECORDER")),
                "the attached appender's threads ended");
    }
}
