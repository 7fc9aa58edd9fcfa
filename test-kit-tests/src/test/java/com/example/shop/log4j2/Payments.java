package com.example.shop.log4j2;

import dev.mixlog.log4j2.MixpanelMarkers;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.MapMessage;

/** The code under test: a service that logs its analytics through the Log4j2 API. */
class Payments {
    private static final Logger log = LogManager.getLogger(Payments.class);
    private static final Marker PAID = MixpanelMarkers.event("Payment Succeeded");

    void pay(String userId, String invoice, double amount) {
        ThreadContext.put("distinct_id", userId);
        try {
            log.info(PAID, new MapMessage<>().with("invoice", invoice).with("amount", amount).with("retries", 0)
                    .with("methods", List.of("card")));
            log.info(MixpanelMarkers.profileAdd(), new MapMessage<>().with("lifetime_value", amount));
        } finally {
            ThreadContext.remove("distinct_id");
        }
    }

    void rename(String company, String name) {
        log.info(MixpanelMarkers.groupSet("company"), new MapMessage<>().with("company", company).with("name", name));
    }
}
