package dev.mixlog.core.internal.diag;

import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.diag.DropReason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns the counters into status messages, rate-limited: the first drop (or adjustment) of a kind
 * is reported at once, further ones at most once per interval, and a drop streak's end once.
 * Driven by the consumer thread's {@link #tick(long)}; never by an application thread.
 */
public final class DiagnosticsReporter {
    private final StatusSink status;
    private final long intervalNanos;
    /** One per drop reason, then one per adjustment: a plain array, as the consumer goes through it on every round. */
    private final Streak[] streaks;

    public DiagnosticsReporter(Counters stats, StatusSink status, long intervalNanos) {
        this.status = status;
        this.intervalNanos = intervalNanos;
        List<Streak> all = new ArrayList<>();
        for (DropReason reason : DropReason.values()) {
            all.add(new Streak(() -> stats.dropped(reason), reason.description(), true));
        }
        for (Adjustment adjustment : Adjustment.values()) {
            all.add(new Streak(() -> stats.adjusted(adjustment), adjustment.description(), false));
        }
        this.streaks = all.toArray(new Streak[0]);
    }

    /** Reports what changed since the last call, within the rate limit. */
    public void tick(long nowNanos) {
        for (Streak streak : streaks) {
            streak.update(nowNanos);
        }
    }

    /** One counter's reporting state. */
    private final class Streak {
        private final LongSupplier counter;
        private final String what;
        private final boolean isDrop;
        private long reported;
        private long lastReportNanos;
        private long lastChangeNanos;
        private boolean active;

        Streak(LongSupplier counter, String what, boolean isDrop) {
            this.counter = counter;
            this.what = what;
            this.isDrop = isDrop;
        }

        /** Almost always one read and one comparison; the reporting itself is in methods of its own. */
        void update(long now) {
            long total = counter.getAsLong();
            if (total != reported) {
                changed(now, total);
            } else if (active && now - lastChangeNanos >= intervalNanos) {
                ended(total);
            }
        }

        private void changed(long now, long total) {
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
        }

        private void ended(long total) {
            if (isDrop) {
                status.info("drops stopped (" + what + "): " + total + " events dropped in total");
            }
            active = false;
        }
    }
}
