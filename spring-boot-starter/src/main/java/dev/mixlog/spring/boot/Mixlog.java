package dev.mixlog.spring.boot;

import java.time.Duration;

/** What an application may ask of the Mixpanel appenders the starter runs, whichever the backend. */
public final class Mixlog {
    private Mixlog() {
    }

    /**
     * Delivers what every running Mixpanel appender holds now, without stopping them, for a job that
     * ends, a command-line tool, or a test: true once everything logged before the call is settled,
     * false when the time runs out first (nothing is dropped for that).
     */
    public static boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean settled = true;
        for (Attachment.Running appender : Backend.running()) {
            settled &= appender.flush.test(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return settled;
    }
}
