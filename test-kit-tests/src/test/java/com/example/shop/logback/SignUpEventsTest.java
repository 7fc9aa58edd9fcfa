package com.example.shop.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** logback-test.xml declares the production appender without a token: the recorder takes what it would send. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignUpEventsTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private final Accounts accounts = new Accounts();

    @Test
    @Order(1)
    void signUpEmitsSignedUpWithThePlanAndTheUsersId() {
        long before = System.currentTimeMillis();
        accounts.signUp("u-1", "pro", 3);

        List<RecordedEvent> events = mixpanel.events("Signed Up");
        assertEquals(1, events.size(), mixpanel.events().toString());
        RecordedEvent event = events.get(0);
        assertEquals("Signed Up", event.name());
        assertEquals("u-1", event.distinctId());
        assertEquals("pro", event.property("plan"));
        assertEquals(3, event.property("seats"));
        assertEquals(true, event.property("trial"));
        assertEquals(9.5, event.property("price"));
        assertEquals(List.of("sso", "audit"), event.property("features"));
        assertEquals("test", event.property("env"), "the appender's static property");
        assertNotNull(event.insertId());
        assertTrue(event.time() >= before && event.time() <= System.currentTimeMillis(), () -> "time " + event.time());
        assertEquals("/import", event.endpoint());
        assertTrue(event.json().startsWith("{\"event\":\"Signed Up\",\"properties\":{"), event.json());
        assertEquals(Map.of(), mixpanel.dropped());
    }

    @Test
    @Order(2)
    void eachTestStartsWithNothingRecorded() {
        assertEquals(List.of(), mixpanel.events());
        assertEquals(List.of(), mixpanel.profileUpdates());
    }

    @Test
    @Order(3)
    void aLogCallWithoutTheMarkerIsNoEvent() {
        accounts.logOnly("u-2");

        assertEquals(List.of(), mixpanel.events());
    }

    @Test
    @Order(4)
    void everyEventIsThereRightAfterTheCalls() {
        for (int i = 0; i < 500; i++) {
            accounts.signUp("u-" + i, i % 2 == 0 ? "pro" : "free", i);
        }

        List<RecordedEvent> events = mixpanel.events("Signed Up");
        assertEquals(500, events.size());
        for (RecordedEvent event : events) {
            assertEquals(event.distinctId(), "u-" + event.property("seats"));
        }
        assertEquals(500, events.stream().map(RecordedEvent::insertId).distinct().count());
        assertEquals(500, mixpanel.profileUpdates().size());
    }
}
