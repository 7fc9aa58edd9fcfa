package com.example.shop.noappender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.slf4j.MixpanelMarkers;
import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The same, registered as users register it. */
class RegisteredRecorderTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private static final Logger log = LoggerFactory.getLogger(RegisteredRecorderTest.class);

    @Test
    void eventsAreRecordedThroughTheAttachedAppender() {
        log.atInfo().addMarker(MixpanelMarkers.event("Item Added")).addKeyValue("distinct_id", "u-2")
                .addKeyValue("sku", "A-1").addKeyValue("quantity", 2).log("added");

        assertEquals("A-1", mixpanel.events("Item Added").get(0).property("sku"));
        assertEquals(2, mixpanel.events("Item Added").get(0).property("quantity"));
    }
}
