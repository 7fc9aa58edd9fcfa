package com.example.shop.zerocode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Zero-code mode (logback-zero-code.xml, selection=all): plain log calls become events. */
class ZeroCodeTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private static final Logger log = LoggerFactory.getLogger("com.example.shop.Orders");

    @Test
    void everyLogCallOfTheShopBecomesAnEventNamedByItsMessage() {
        MDC.put("distinct_id", "u-3");
        try {
            log.atInfo().addKeyValue("order", "o-9").addKeyValue("items", 3).log("Order {} placed", "o-9");
            log.warn("Payment retried");
            log.debug("not at INFO: filtered by Logback");
            LoggerFactory.getLogger("org.other").warn("not a shop logger");
        } finally {
            MDC.clear();
        }

        List<RecordedEvent> events = mixpanel.events();
        assertEquals(List.of("Order {} placed", "Payment retried"),
                events.stream().map(RecordedEvent::name).collect(Collectors.toList()));
        assertEquals("o-9", events.get(0).property("order"));
        assertEquals(3, events.get(0).property("items"));
        assertEquals("INFO", events.get(0).property("level"));
        assertEquals("WARN", events.get(1).property("level"));
        assertEquals("u-3", events.get(1).distinctId());
    }
}
