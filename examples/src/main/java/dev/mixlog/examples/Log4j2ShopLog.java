package dev.mixlog.examples;

import dev.mixlog.log4j2.MixpanelMarkers;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.MapMessage;

/**
 * The shop's log lines through the Log4j2 API: a {@link MapMessage}'s fields carry typed properties,
 * the ThreadContext carries the context, and markers come from {@code dev.mixlog.log4j2.MixpanelMarkers}.
 * Log4j markers have no payload, so "Plan Upgraded" carries its {@code source} as a field. Create it
 * once Log4j2 is configured: the logger belongs to the context that is current then.
 */
final class Log4j2ShopLog implements ShopLog {
    private static final Marker SIGNED_UP = MixpanelMarkers.event(ShopEvents.SIGNED_UP);
    private static final Marker PAGE_VIEWED = MixpanelMarkers.event(ShopEvents.PAGE_VIEWED);
    private static final Marker ADDED_TO_CART = MixpanelMarkers.event(ShopEvents.ADDED_TO_CART);
    private static final Marker PURCHASE = MixpanelMarkers.event(ShopEvents.PURCHASE);
    private static final Marker PAYMENT_FAILED = MixpanelMarkers.event(ShopEvents.PAYMENT_FAILED);
    private static final Marker PLAN_UPGRADED = MixpanelMarkers.event(ShopEvents.PLAN_UPGRADED);
    private static final Marker PROFILE_SET = MixpanelMarkers.profileSet();
    private static final Marker PROFILE_SET_ONCE = MixpanelMarkers.profileSetOnce();
    private static final Marker COMPANY_SET = MixpanelMarkers.groupSet(ShopEvents.COMPANY);

    private final Logger log = LogManager.getLogger(ShopTraffic.class);

    @Override
    public void visit(String user, String appVersion, String platform) {
        ThreadContext.clearMap();
        ThreadContext.put("distinct_id", user);
        ThreadContext.put("app_version", appVersion);
        ThreadContext.put("platform", platform);
    }

    @Override
    public void request(String requestId) {
        ThreadContext.put("request_id", requestId);
    }

    @Override
    public void leave() {
        ThreadContext.clearMap();
    }

    @Override
    public void signedUp(String user, String plan, String referrer, String companyId) {
        log.info(SIGNED_UP, new MapMessage<>()
                .with("distinct_id", user)
                .with("plan", plan)
                .with("referrer", referrer)
                .with(ShopEvents.COMPANY, companyId));
    }

    @Override
    public void profileSet(String name, String plan, String signupDate, String companyId) {
        log.info(PROFILE_SET, new MapMessage<>()
                .with("$name", name)
                .with("plan", plan)
                .with("signup_date", signupDate)
                .with(ShopEvents.COMPANY, companyId));
    }

    @Override
    public void profileSetOnce(String firstSeen) {
        log.info(PROFILE_SET_ONCE, new MapMessage<>().with("first_seen", firstSeen));
    }

    @Override
    public void companySet(String companyId, String companyName, String latestSignup) {
        log.info(COMPANY_SET, new MapMessage<>()
                .with(ShopEvents.COMPANY, companyId)
                .with("$name", companyName)
                .with("latest_signup", latestSignup));
    }

    @Override
    public void loggedIn() {
        log.info(MixpanelMarkers.MIXPANEL, ShopEvents.LOGGED_IN);
    }

    @Override
    public void pageViewed(String page, int loadMs) {
        log.info(PAGE_VIEWED, new MapMessage<>().with("page", page).with("load_ms", loadMs));
    }

    @Override
    public void addedToCart(String product, double price, int quantity) {
        log.info(ADDED_TO_CART, new MapMessage<>()
                .with("product", product)
                .with("price", price)
                .with("quantity", quantity));
    }

    @Override
    public void purchase(double amount, int items, String currency, boolean couponUsed, String chargeId) {
        log.info(PURCHASE, new MapMessage<>()
                .with("amount", amount)
                .with("items", items)
                .with("currency", currency)
                .with("coupon_used", couponUsed)
                .with("charge_id", chargeId));
    }

    @Override
    public void paymentFailed(double amount, String currency, PaymentDeclinedException cause) {
        log.error(PAYMENT_FAILED, new MapMessage<>().with("amount", amount).with("currency", currency), cause);
    }

    @Override
    public void planUpgraded(String fromPlan, String toPlan) {
        log.info(PLAN_UPGRADED, new MapMessage<>()
                .with("source", ShopEvents.UPGRADE_SOURCE)
                .with("from_plan", fromPlan)
                .with("to_plan", toPlan));
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
