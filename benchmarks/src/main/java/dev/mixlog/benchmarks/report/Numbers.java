package dev.mixlog.benchmarks.report;

import java.util.Locale;

/** Formatting of measured values for the tables; a missing value shows as "n/a". */
final class Numbers {
    static final String MISSING = "n/a";

    private Numbers() {
    }

    /** Nanoseconds as microseconds with two decimals. */
    static String micros(double nanos) {
        return Double.isNaN(nanos) ? MISSING : String.format(Locale.ROOT, "%.2f", nanos / 1000);
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A whole number with its sign. */
    static String signed(double value) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%+.0f", value);
    }

    /** A count with thousands separators. */
    static String count(double value) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String mebibytes(double bytes) {
        return Double.isNaN(bytes) ? MISSING : String.format(Locale.ROOT, "%.0f", bytes / (1024 * 1024));
    }

    /** A score with its error, as JMH reports it. */
    static String withError(double score, double error) {
        if (Double.isNaN(score)) {
            return MISSING;
        }
        return Double.isNaN(error) ? fixed(score, 1) : String.format(Locale.ROOT, "%.1f ± %.1f", score, error);
    }
}
