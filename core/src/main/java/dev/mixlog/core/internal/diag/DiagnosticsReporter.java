package dev.mixlog.core.internal.diag;

import dev.mixlog.core.MixlogCore.StatusSink;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns the counters into status messages, rate-limited: the first drop (or adjustment) of a kind
 * is reported at once, further ones at most once per interval, and a drop streak's end once.
 * Driven by the consumer thread's {@link #tick(long)}; never by an application thread.
 */
public final class DiagnosticsReporter {
    private final StatusSink status;
    private final long intervalNanos;
    private final Map<DropReason, Streak> drops = new EnumMap<>(DropReason.class);
    private final Map<Adjustment, Streak> adjustments = new EnumMap<>(Adjustment.class);

    public DiagnosticsReporter(MixlogStats stats, StatusSink status, long intervalNanos) {
        this.status = status;
        this.intervalNanos = intervalNanos;
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new Streak(() -> stats.dropped(reason)));
        }
        for (Adjustment adjustment : Adjustment.values()) {
            adjustments.put(adjustment, new Streak(() -> stats.adjusted(adjustment)));
        }
    }

    /** Reports what changed since the last call, within the rate limit. */
    public void tick(long nowNanos) {
        drops.forEach((reason, streak) -> streak.update(nowNanos, reason.description(), true));
        adjustments.forEach((adjustment, streak) -> streak.update(nowNanos, adjustment.description(), false));
    }

    /** One counter's reporting state. */
    private final class Streak {
        private final LongSupplier counter;
        private long reported;
        private long lastReportNanos;
        private long lastChangeNanos;
        private boolean active;

        Streak(LongSupplier counter) {
            this.counter = counter;
        }

        void update(long now, String what, boolean isDrop) {
            long total = counter.getAsLong();
            if (total != reported) {
                if (!active || now - lastReportNanos >= intervalNanos) {
                    long fresh = total - reported;
                    String message = (isDrop ? fresh + " events dropped: " + what : what + ": " + fresh)
                            + " (" + total + " in total" + (active ? " since the first report)" : ")");
                    if (isDrop) {
                        status.warn(message);
                    } else {
                        status.info(message);
                    }
                    reported = total;
                    lastReportNanos = now;
                    active = true;
                }
                lastChangeNanos = now;
            } else if (active && now - lastChangeNanos >= intervalNanos) {
                if (isDrop) {
                    status.info("drops stopped (" + what + "): " + total + " events dropped in total");
                }
                active = false;
            }
        }
    }
}
