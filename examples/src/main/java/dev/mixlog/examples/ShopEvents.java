package dev.mixlog.examples;

/** The names the demo's Mixpanel records go by, the same whichever logging API logs them. */
final class ShopEvents {
    static final String SIGNED_UP = "Signed Up";
    /** Logged with the bare {@code MIXPANEL} marker: the message template is the event name. */
    static final String LOGGED_IN = "Logged In";
    static final String PAGE_VIEWED = "Page Viewed";
    static final String ADDED_TO_CART = "Added To Cart";
    static final String PURCHASE = "Purchase";
    static final String PAYMENT_FAILED = "Payment Failed";
    static final String PLAN_UPGRADED = "Plan Upgraded";
    /** The {@code source} property of every "Plan Upgraded" event. */
    static final String UPGRADE_SOURCE = "billing-page";
    /** The group key of the companies users belong to; a user's company id is logged under it. */
    static final String COMPANY = "company";

    private ShopEvents() {
    }
}
