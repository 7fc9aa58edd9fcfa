package dev.mixlog.examples;

import dev.mixlog.logback.MixpanelMarkers;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Simulates the users of a small coffee-gear shop: each signs up, logs in a few times, browses,
 * fills a cart and pays. Product events are logged with Mixpanel markers; ordinary operational
 * lines are logged without one and stay out of Mixpanel. The same seed gives the same traffic.
 */
final class ShopTraffic {
    static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
    static final Marker PAGE_VIEWED = MixpanelMarkers.event("Page Viewed");
    static final Marker ADDED_TO_CART = MixpanelMarkers.event("Added To Cart");
    static final Marker PURCHASE = MixpanelMarkers.event("Purchase");
    static final Marker PAYMENT_FAILED = MixpanelMarkers.event("Payment Failed");
    static final Marker PLAN_UPGRADED = MixpanelMarkers.event("Plan Upgraded", Map.of("source", "billing-page"));
    /** With the bare marker, the message template is the event name. */
    static final String LOGGED_IN = "Logged In";

    private static final Logger log = LoggerFactory.getLogger(ShopTraffic.class);
    private static final String APP_VERSION = "2.7.1";
    private static final String CURRENCY = "EUR";
    private static final String[] PLANS = {"free", "free", "starter", "pro"};
    private static final String[] REFERRERS = {"google", "newsletter", "friend", "podcast", "direct"};
    private static final String[] PLATFORMS = {"web", "ios", "android"};
    private static final String[] PAGES = {"/", "/catalog", "/catalog/grinders", "/catalog/kettles", "/product", "/cart", "/blog"};
    private static final String[] PRODUCTS = {"Burr Grinder", "Gooseneck Kettle", "Ceramic Dripper", "Espresso Beans 1kg", "Paper Filters"};
    private static final double[] PRICES = {89.00, 39.00, 18.50, 24.90, 4.99};

    private final Random random;
    private final PaymentGateway gateway;
    private final int userCount;
    private final TrafficTally tally = new TrafficTally();
    private int requests;

    ShopTraffic(long seed, int userCount) {
        this.random = new Random(seed);
        this.gateway = new PaymentGateway(random);
        this.userCount = userCount;
    }

    /** Logs every user's journey on the calling thread and returns what was logged. */
    TrafficTally run() {
        ordinary("warming the product cache: {} products", PRODUCTS.length);
        try {
            for (int i = 0; i < userCount; i++) {
                journey("user-" + (1001 + i));
            }
        } finally {
            MDC.clear();
        }
        ordinary("traffic simulation finished: {} requests served", requests);
        return tally;
    }

    private void journey(String user) {
        tally.user(user);
        MDC.clear();
        MDC.put("distinct_id", user);
        MDC.put("app_version", APP_VERSION);
        MDC.put("platform", pick(PLATFORMS));
        String plan = pick(PLANS);
        signUp(user, plan);
        int sessions = 3 + random.nextInt(3);
        for (int s = 0; s < sessions; s++) {
            session();
        }
        if (plan.equals("free") && random.nextInt(2) == 0) {
            upgrade(user);
        }
    }

    private void signUp(String user, String plan) {
        nextRequest();
        log.atInfo().addMarker(SIGNED_UP)
                .addKeyValue("distinct_id", user)
                .addKeyValue("plan", plan)
                .addKeyValue("referrer", pick(REFERRERS))
                .log("user signed up");
        tally.event(SIGNED_UP.getName());
        ordinary("created account {} on the {} plan", user, plan);
    }

    private void session() {
        nextRequest();
        log.info(MixpanelMarkers.MIXPANEL, LOGGED_IN);
        tally.event(LOGGED_IN);
        int pages = 2 + random.nextInt(4);
        for (int p = 0; p < pages; p++) {
            viewPage();
        }
        if (random.nextInt(10) < 8) {
            shop();
        }
    }

    private void viewPage() {
        nextRequest();
        String page = pick(PAGES);
        int loadMs = 20 + random.nextInt(400);
        log.atInfo().addMarker(PAGE_VIEWED).addKeyValue("page", page).addKeyValue("load_ms", loadMs).log("page viewed");
        tally.event(PAGE_VIEWED.getName());
        if (loadMs > 400) {
            log.warn("slow response: GET {} took {} ms", page, loadMs);
            tally.ordinary("slow response: GET {} took {} ms");
        }
    }

    private void shop() {
        int lines = 1 + random.nextInt(3);
        int items = 0;
        double amount = 0;
        for (int l = 0; l < lines; l++) {
            nextRequest();
            int product = random.nextInt(PRODUCTS.length);
            int quantity = 1 + random.nextInt(2);
            log.atInfo().addMarker(ADDED_TO_CART)
                    .addKeyValue("product", PRODUCTS[product])
                    .addKeyValue("price", PRICES[product])
                    .addKeyValue("quantity", quantity)
                    .log("added to cart");
            tally.event(ADDED_TO_CART.getName());
            items += quantity;
            amount += PRICES[product] * quantity;
            if (random.nextInt(25) == 0) {
                log.warn("inventory service slow for {}, served cached stock", PRODUCTS[product],
                        new TimeoutException("inventory lookup took longer than 250 ms"));
                tally.ordinary("inventory service slow for {}, served cached stock");
            }
        }
        checkout(Math.round(amount * 100) / 100.0, items);
    }

    private void checkout(double amount, int items) {
        nextRequest();
        boolean coupon = random.nextInt(4) == 0;
        try {
            String chargeId = gateway.charge(MDC.get("distinct_id"), amount, CURRENCY);
            log.atInfo().addMarker(PURCHASE)
                    .addKeyValue("amount", amount)
                    .addKeyValue("items", items)
                    .addKeyValue("currency", CURRENCY)
                    .addKeyValue("coupon_used", coupon)
                    .addKeyValue("charge_id", chargeId)
                    .log("Purchase");
            tally.event(PURCHASE.getName());
        } catch (PaymentDeclinedException e) {
            log.atError().addMarker(PAYMENT_FAILED)
                    .addKeyValue("amount", amount)
                    .addKeyValue("currency", CURRENCY)
                    .setCause(e)
                    .log("payment of {} {} failed", amount, CURRENCY);
            tally.event(PAYMENT_FAILED.getName());
        }
    }

    private void upgrade(String user) {
        nextRequest();
        log.atInfo().addMarker(PLAN_UPGRADED).addKeyValue("from_plan", "free").addKeyValue("to_plan", "pro").log("plan upgraded");
        tally.event(PLAN_UPGRADED.getName());
        ordinary("billing: {} moved from free to pro", user);
    }

    private void ordinary(String template, Object... arguments) {
        log.info(template, arguments);
        tally.ordinary(template);
    }

    private void nextRequest() {
        requests++;
        MDC.put("request_id", String.format(Locale.ROOT, "req-%05d", requests));
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
