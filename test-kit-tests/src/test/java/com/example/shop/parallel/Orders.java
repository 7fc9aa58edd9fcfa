package com.example.shop.parallel;

import dev.mixlog.slf4j.MixpanelMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/** The code under test: a service that logs an event per order, on the caller's thread or on a thread of its own. */
class Orders {
    private static final Logger log = LoggerFactory.getLogger(Orders.class);
    private static final Marker ORDER_PLACED = MixpanelMarkers.event("Order Placed");

    /** Logs {@code count} orders of this user on the calling thread, and sets the user's last order count. */
    void place(String userId, int count) {
        for (int i = 0; i < count; i++) {
            log.atInfo().addMarker(ORDER_PLACED).addKeyValue("distinct_id", userId).addKeyValue("n", i).log("order placed");
        }
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("distinct_id", userId).addKeyValue("orders", count)
                .log("orders counted");
    }

    /** Logs {@code count} orders of this user on a thread this call starts, and waits for it. */
    void placeInTheBackground(String userId, int count) throws InterruptedException {
        Thread worker = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                log.atInfo().addMarker(ORDER_PLACED).addKeyValue("distinct_id", userId).addKeyValue("n", 1000 + i)
                        .log("order placed in the background");
            }
        }, "orders-" + userId);
        worker.start();
        worker.join();
    }
}
