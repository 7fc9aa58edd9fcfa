package dev.mixlog.examples.boot;

import dev.mixlog.slf4j.MixpanelMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.springframework.stereotype.Service;

/** A shop's checkout: each step is a log line, and the marked ones are Mixpanel events. */
@Service
public class CheckoutService {
    private static final Logger LOG = LoggerFactory.getLogger(CheckoutService.class);
    private static final Marker CART_VIEWED = MixpanelMarkers.event("Cart Viewed");
    private static final Marker ORDER_PAID = MixpanelMarkers.event("Order Paid");
    private static final Marker PLAN_SET = MixpanelMarkers.profileSet();

    /** One customer's visit: the cart, the payment, and their profile; returns the Mixpanel records logged. */
    public int checkout(String userId, int items, double amount) {
        MDC.put("distinct_id", userId);
        try {
            LOG.atInfo().addMarker(CART_VIEWED).addKeyValue("items", items).log("{} viewed the cart", userId);
            LOG.info("pricing {} items", items);
            LOG.atInfo().addMarker(ORDER_PAID).addKeyValue("amount", amount).addKeyValue("items", items)
                    .log("{} paid {}", userId, amount);
            LOG.atInfo().addMarker(PLAN_SET).addKeyValue("last_order_amount", amount).log("profile updated");
            return 3;
        } finally {
            MDC.remove("distinct_id");
        }
    }
}
