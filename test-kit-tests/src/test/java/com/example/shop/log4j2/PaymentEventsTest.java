package com.example.shop.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedEvent;
import dev.mixlog.test.RecordedUpdate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test configuration (log4j2-with-appender.xml here, a log4j2-test.xml in most projects) declares the production appender without a token: the recorder takes what it would send. */
class PaymentEventsTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private final Payments payments = new Payments();

    @Test
    void aPaymentEmitsItsEventAndAddsToTheProfile() {
        payments.pay("u-1", "inv-7", 19.99);

        RecordedEvent event = mixpanel.events("Payment Succeeded").get(0);
        assertEquals("u-1", event.distinctId());
        assertEquals("inv-7", event.property("invoice"));
        assertEquals(19.99, event.property("amount"));
        assertEquals(0, event.property("retries"));
        assertEquals(List.of("card"), event.property("methods"));
        assertEquals("test", event.property("env"));
        assertNotNull(event.insertId());
        RecordedUpdate added = mixpanel.profileUpdates().get(0);
        assertEquals("$add", added.operation());
        assertEquals(Map.of("lifetime_value", 19.99), added.values());
        assertEquals(Map.of(), mixpanel.dropped());
    }

    @Test
    void aRenameUpdatesTheCompanyGroup() {
        payments.rename("acme", "Acme Inc.");

        RecordedUpdate group = mixpanel.groupUpdates().get(0);
        assertEquals("acme", group.groupId());
        assertEquals("Acme Inc.", group.value("name"));
        assertEquals(List.of(), mixpanel.events());
    }
}
