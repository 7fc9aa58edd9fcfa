package dev.mixlog.examples;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeoutException;

/**
 * Simulates the users of a small coffee-gear shop: each signs up (which also sets the user's profile
 * and updates the profile of the user's company), logs in a few times, browses, fills a cart and
 * pays. Product events, profile and group updates go to the {@link ShopLog} with Mixpanel markers;
 * ordinary operational lines go without one and stay out of Mixpanel. The same seed gives the same
 * traffic, whichever logging API the {@link ShopLog} uses.
 */
final class ShopTraffic {
    private static final String APP_VERSION = "2.7.1";
    private static final String CURRENCY = "EUR";
    private static final String[] PLANS = {"free", "free", "starter", "pro"};
    private static final String[] REFERRERS = {"google", "newsletter", "friend", "podcast", "direct"};
    private static final String[] PLATFORMS = {"web", "ios", "android"};
    private static final String[] PAGES = {"/", "/catalog", "/catalog/grinders", "/catalog/kettles", "/product", "/cart", "/blog"};
    private static final String[] PRODUCTS = {"Burr Grinder", "Gooseneck Kettle", "Ceramic Dripper", "Espresso Beans 1kg", "Paper Filters"};
    private static final double[] PRICES = {89.00, 39.00, 18.50, 24.90, 4.99};
    private static final String[] NAMES = {"Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Alan", "Radia"};
    /** Company ids and names. */
    private static final String[][] COMPANIES = {{"co-brewhaus", "Brewhaus"}, {"co-northside", "Northside Roastery"},
        {"co-lumen", "Cafe Lumen"}};
    /** Mixpanel's date-time format for profile properties. */
    private static final DateTimeFormatter MIXPANEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final ShopLog log;
    private final Random random;
    private final PaymentGateway gateway;
    private final int userCount;
    private final TrafficTally tally = new TrafficTally();
    private int requests;

    ShopTraffic(ShopLog log, long seed, int userCount) {
        this.log = log;
        this.random = new Random(seed);
        this.gateway = new PaymentGateway(random);
        this.userCount = userCount;
    }

    /** Logs every user's journey on the calling thread and returns what was logged. */
    TrafficTally run() {
        ordinary("warming the product cache: {} products", PRODUCTS.length);
        try {
            for (int i = 0; i < userCount; i++) {
                journey(i, "user-" + (1001 + i));
            }
        } finally {
            log.leave();
        }
        ordinary("traffic simulation finished: {} requests served", requests);
        return tally;
    }

    private void journey(int index, String user) {
        tally.user(user);
        log.visit(user, APP_VERSION, pick(PLATFORMS));
        String plan = pick(PLANS);
        signUp(index, user, plan);
        int sessions = 3 + random.nextInt(3);
        for (int s = 0; s < sessions; s++) {
            session(user);
        }
        if (plan.equals("free") && random.nextInt(2) == 0) {
            upgrade(user);
        }
    }

    private void signUp(int index, String user, String plan) {
        nextRequest();
        String[] company = COMPANIES[index % COMPANIES.length];
        log.signedUp(user, plan, pick(REFERRERS), company[0]);
        tally.event(ShopEvents.SIGNED_UP);
        String now = MIXPANEL_TIME.format(LocalDateTime.now(ZoneOffset.UTC));
        log.profileSet(NAMES[index % NAMES.length], plan, now, company[0]);
        tally.profileUpdate("$set");
        log.profileSetOnce(now);
        tally.profileUpdate("$set_once");
        log.companySet(company[0], company[1], user);
        tally.groupUpdate("$set");
        ordinary("created account {} on the {} plan", user, plan);
    }

    private void session(String user) {
        nextRequest();
        log.loggedIn();
        tally.event(ShopEvents.LOGGED_IN);
        int pages = 2 + random.nextInt(4);
        for (int p = 0; p < pages; p++) {
            viewPage();
        }
        if (random.nextInt(10) < 8) {
            shop(user);
        }
    }

    private void viewPage() {
        nextRequest();
        String page = pick(PAGES);
        int loadMs = 20 + random.nextInt(400);
        log.pageViewed(page, loadMs);
        tally.event(ShopEvents.PAGE_VIEWED);
        if (loadMs > 400) {
            warning("slow response: GET {} took {} ms", page, loadMs);
        }
    }

    private void shop(String user) {
        int lines = 1 + random.nextInt(3);
        int items = 0;
        double amount = 0;
        for (int l = 0; l < lines; l++) {
            nextRequest();
            int product = random.nextInt(PRODUCTS.length);
            int quantity = 1 + random.nextInt(2);
            log.addedToCart(PRODUCTS[product], PRICES[product], quantity);
            tally.event(ShopEvents.ADDED_TO_CART);
            items += quantity;
            amount += PRICES[product] * quantity;
            if (random.nextInt(25) == 0) {
                warning("inventory service slow for {}, served cached stock", PRODUCTS[product],
                        new TimeoutException("inventory lookup took longer than 250 ms"));
            }
        }
        checkout(user, Math.round(amount * 100) / 100.0, items);
    }

    private void checkout(String user, double amount, int items) {
        nextRequest();
        boolean coupon = random.nextInt(4) == 0;
        try {
            String chargeId = gateway.charge(user, amount, CURRENCY);
            log.purchase(amount, items, CURRENCY, coupon, chargeId);
            tally.event(ShopEvents.PURCHASE);
        } catch (PaymentDeclinedException e) {
            log.paymentFailed(amount, CURRENCY, e);
            tally.event(ShopEvents.PAYMENT_FAILED);
        }
    }

    private void upgrade(String user) {
        nextRequest();
        log.planUpgraded("free", "pro");
        tally.event(ShopEvents.PLAN_UPGRADED);
        ordinary("billing: {} moved from free to pro", user);
    }

    private void ordinary(String template, Object... arguments) {
        log.info(template, arguments);
        tally.ordinary(template);
    }

    private void warning(String template, Object... arguments) {
        log.warn(template, arguments);
        tally.ordinary(template);
    }

    private void nextRequest() {
        requests++;
        log.request(String.format(Locale.ROOT, "req-%05d", requests));
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
