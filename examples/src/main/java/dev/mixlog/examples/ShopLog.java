package dev.mixlog.examples;

/**
 * What the simulated shop writes to its log, one method per kind of line, so that {@link ShopTraffic}
 * is written once and runs on either logging API: {@link Slf4jShopLog} (SLF4J, Logback behind it) or
 * {@link Log4j2ShopLog} (the Log4j2 API). Product events and profile and group updates carry a
 * Mixpanel marker and typed properties; {@link #info} and {@link #warn} lines carry none and stay
 * out of Mixpanel. The "context" is the MDC on SLF4J and the ThreadContext on Log4j2.
 */
interface ShopLog {
    /** Starts a user's visit: the context holds only {@code distinct_id}, {@code app_version} and {@code platform}. */
    void visit(String user, String appVersion, String platform);

    /** Puts the id of the request being served into the context as {@code request_id}. */
    void request(String requestId);

    /** Clears the context. */
    void leave();

    /** "Signed Up", with the user's plan, referrer and company id. */
    void signedUp(String user, String plan, String referrer, String companyId);

    /** A profile {@code $set} for the user in the context. */
    void profileSet(String name, String plan, String signupDate, String companyId);

    /** A profile {@code $set_once} of {@code first_seen}. */
    void profileSetOnce(String firstSeen);

    /** A group {@code $set} on the company group (key {@link ShopEvents#COMPANY}). */
    void companySet(String companyId, String companyName, String latestSignup);

    /** "Logged In", named by its message template. */
    void loggedIn();

    /** "Page Viewed". */
    void pageViewed(String page, int loadMs);

    /** "Added To Cart". */
    void addedToCart(String product, double price, int quantity);

    /** "Purchase". */
    void purchase(double amount, int items, String currency, boolean couponUsed, String chargeId);

    /** "Payment Failed" at ERROR, with the exception. */
    void paymentFailed(double amount, String currency, PaymentDeclinedException cause);

    /** "Plan Upgraded", with {@code source} {@link ShopEvents#UPGRADE_SOURCE}. */
    void planUpgraded(String fromPlan, String toPlan);

    /** An ordinary INFO line, without a marker. */
    void info(String template, Object... arguments);

    /** An ordinary WARN line, without a marker; a trailing {@link Throwable} argument is logged as its exception. */
    void warn(String template, Object... arguments);
}
