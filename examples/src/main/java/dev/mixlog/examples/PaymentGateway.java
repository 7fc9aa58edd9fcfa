package dev.mixlog.examples;

import java.util.Locale;
import java.util.Random;

/** A stand-in payment provider that declines about one charge in seven, so that the demo has errors to report. */
final class PaymentGateway {
    private static final String[] DECLINE_REASONS = {
        "card declined: insufficient funds", "card declined: expired card", "3-D Secure authentication failed"};
    private final Random random;
    private int charges;

    PaymentGateway(Random random) {
        this.random = random;
    }

    /** Charges the amount and returns the charge id. */
    String charge(String customer, double amount, String currency) throws PaymentDeclinedException {
        charges++;
        if (random.nextInt(7) == 0) {
            throw new PaymentDeclinedException(DECLINE_REASONS[random.nextInt(DECLINE_REASONS.length)]
                    + String.format(Locale.ROOT, " (%.2f %s for %s)", amount, currency, customer));
        }
        return String.format(Locale.ROOT, "ch_%06d", charges);
    }
}
