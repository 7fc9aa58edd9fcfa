package dev.mixlog.benchmarks;

import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The logging call every benchmark makes, identical for every appender and both families:
 * {@code log.atInfo().addMarker(purchase).addKeyValue(..) x3 .log("Purchase")} with four MDC entries
 * on the calling thread. The marker references {@code MIXPANEL}, so Mixlog sends it as the event
 * "Purchase"; the other appenders encode it like any marked event.
 */
public final class PurchaseCall {
    /** Built after the logging configuration is chosen: making a marker starts SLF4J. */
    private final Marker purchase = purchaseMarker();
    private final String userId = "user-4242";
    private final String sku = "SKU-PRO-MONTHLY";
    private final Integer amountCents = 1999;

    private static Marker purchaseMarker() {
        Marker marker = MarkerFactory.getMarker("Purchase");
        marker.add(MarkerFactory.getMarker("MIXPANEL"));
        return marker;
    }

    /** Puts the four MDC entries on the calling thread (the MDC is per thread). */
    public static void installMdc() {
        MDC.put("requestId", "7f3c9a2e-51d4-4b8e-9c6a-0d2f1e3b4a5c");
        MDC.put("tenant", "acme");
        MDC.put("region", "eu-west-1");
        MDC.put("session", "s-93b1c2");
    }

    /** Makes the benchmarked call once. */
    public void log(Logger log) {
        log.atInfo().addMarker(purchase)
                .addKeyValue("distinct_id", userId)
                .addKeyValue("sku", sku)
                .addKeyValue("amount_cents", amountCents)
                .log("Purchase");
    }
}
