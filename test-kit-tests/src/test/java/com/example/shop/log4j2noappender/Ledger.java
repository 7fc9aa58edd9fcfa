package com.example.shop.log4j2noappender;

import dev.mixlog.log4j2.MixpanelMarkers;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.MapMessage;

/** The code under test: a service that logs its analytics with Log4j2's API. */
final class Ledger {
    private static final Logger log = LogManager.getLogger(Ledger.class);

    private Ledger() {
    }

    /** Logs {@code count} events of this name for the user, and sets the user's last count on the profile. */
    static void record(String eventName, String userId, int count) {
        for (int i = 0; i < count; i++) {
            log.info(MixpanelMarkers.event(eventName), new MapMessage<>().with("distinct_id", userId).with("n", i));
        }
        log.info(MixpanelMarkers.profileSet(), new MapMessage<>().with("distinct_id", userId).with("last", eventName));
    }
}
