package dev.mixlog.examples;

import dev.mixlog.slf4j.MixpanelMarkers;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * The shop's log lines through SLF4J 2 (Logback behind it): the fluent API's key-value pairs carry
 * typed properties, the MDC carries the context, and markers come from
 * {@code dev.mixlog.slf4j.MixpanelMarkers}.
 */
final class Slf4jShopLog implements ShopLog {
    private static final Marker SIGNED_UP = MixpanelMarkers.event(ShopEvents.SIGNED_UP);
    private static final Marker PAGE_VIEWED = MixpanelMarkers.event(ShopEvents.PAGE_VIEWED);
    private static final Marker ADDED_TO_CART = MixpanelMarkers.event(ShopEvents.ADDED_TO_CART);
    private static final Marker PURCHASE = MixpanelMarkers.event(ShopEvents.PURCHASE);
    private static final Marker PAYMENT_FAILED = MixpanelMarkers.event(ShopEvents.PAYMENT_FAILED);
    /** The marker's payload becomes a property of every event logged with it. */
    private static final Marker PLAN_UPGRADED = MixpanelMarkers.event(ShopEvents.PLAN_UPGRADED,
            Map.of("source", ShopEvents.UPGRADE_SOURCE));
    private static final Marker PROFILE_SET = MixpanelMarkers.profileSet();
    private static final Marker PROFILE_SET_ONCE = MixpanelMarkers.profileSetOnce();
    private static final Marker COMPANY_SET = MixpanelMarkers.groupSet(ShopEvents.COMPANY);

    private static final Logger log = LoggerFactory.getLogger(ShopTraffic.class);

    @Override
    public void visit(String user, String appVersion, String platform) {
        MDC.clear();
        MDC.put("distinct_id", user);
        MDC.put("app_version", appVersion);
        MDC.put("platform", platform);
    }

    @Override
    public void request(String requestId) {
        MDC.put("request_id", requestId);
    }

    @Override
    public void leave() {
        MDC.clear();
    }

    @Override
    public void signedUp(String user, String plan, String referrer, String companyId) {
        log.atInfo().addMarker(SIGNED_UP)
                .addKeyValue("distinct_id", user)
                .addKeyValue("plan", plan)
                .addKeyValue("referrer", referrer)
                .addKeyValue(ShopEvents.COMPANY, companyId)
                .log("user signed up");
    }

    @Override
    public void profileSet(String name, String plan, String signupDate, String companyId) {
        log.atInfo().addMarker(PROFILE_SET)
                .addKeyValue("$name", name)
                .addKeyValue("plan", plan)
                .addKeyValue("signup_date", signupDate)
                .addKeyValue(ShopEvents.COMPANY, companyId)
                .log("profile set");
    }

    @Override
    public void profileSetOnce(String firstSeen) {
        log.atInfo().addMarker(PROFILE_SET_ONCE).addKeyValue("first_seen", firstSeen).log("first seen");
    }

    @Override
    public void companySet(String companyId, String companyName, String latestSignup) {
        log.atInfo().addMarker(COMPANY_SET)
                .addKeyValue(ShopEvents.COMPANY, companyId)
                .addKeyValue("$name", companyName)
                .addKeyValue("latest_signup", latestSignup)
                .log("company {} gained a member", companyId);
    }

    @Override
    public void loggedIn() {
        log.info(MixpanelMarkers.MIXPANEL, ShopEvents.LOGGED_IN);
    }

    @Override
    public void pageViewed(String page, int loadMs) {
        log.atInfo().addMarker(PAGE_VIEWED).addKeyValue("page", page).addKeyValue("load_ms", loadMs).log("page viewed");
    }

    @Override
    public void addedToCart(String product, double price, int quantity) {
        log.atInfo().addMarker(ADDED_TO_CART)
                .addKeyValue("product", product)
                .addKeyValue("price", price)
                .addKeyValue("quantity", quantity)
                .log("added to cart");
    }

    @Override
    public void purchase(double amount, int items, String currency, boolean couponUsed, String chargeId) {
        log.atInfo().addMarker(PURCHASE)
                .addKeyValue("amount", amount)
                .addKeyValue("items", items)
                .addKeyValue("currency", currency)
                .addKeyValue("coupon_used", couponUsed)
                .addKeyValue("charge_id", chargeId)
                .log("purchase");
    }

    @Override
    public void paymentFailed(double amount, String currency, PaymentDeclinedException cause) {
        log.atError().addMarker(PAYMENT_FAILED)
                .addKeyValue("amount", amount)
                .addKeyValue("currency", currency)
                .setCause(cause)
                .log("payment of {} {} failed", amount, currency);
    }

    @Override
    public void planUpgraded(String fromPlan, String toPlan) {
        log.atInfo().addMarker(PLAN_UPGRADED).addKeyValue("from_plan", fromPlan).addKeyValue("to_plan", toPlan)
                .log("plan upgraded");
    }

    @Override
    public void info(String template, Object... arguments) {
        log.info(template, arguments);
    }

    @Override
    public void warn(String template, Object... arguments) {
        log.warn(template, arguments);
    }
}
