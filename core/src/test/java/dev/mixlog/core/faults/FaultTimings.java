package dev.mixlog.core.faults;

import java.time.Duration;

/**
 * The sizes and timings of the fault scenarios, small enough for CI by default and configurable for
 * longer runs: {@code -Dmixlog.faults.outage=20s} keeps the server down 20 s (3 s by default), and
 * {@code -Dmixlog.faults.events=1000000} logs a million events per volume scenario (100,000 by default).
 */
final class FaultTimings {
    private FaultTimings() {
    }

    static Duration outage() {
        String text = System.getProperty("mixlog.faults.outage", "3s").trim();
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
        }
        return Duration.ofSeconds(Long.parseLong(text.replaceAll("s$", "").trim()));
    }

    static int events() {
        return Integer.parseInt(System.getProperty("mixlog.faults.events", "100000").replace("_", "").trim());
    }
}
