package dev.mixlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Mixpanel appender for reload tests, declared in {@code reload.xml}: it records how long each
 * stop held the reconfiguring thread, keeps every instance's counters, and counts the selected events
 * Logback hands to it (started or not) before any of Mixlog's own code sees them: exactly what the
 * appenders must account for.
 */
final class ReloadProbes {
    static final List<MixlogStats> STATS = new CopyOnWriteArrayList<>();
    static final AtomicLong LONGEST_STOP_NANOS = new AtomicLong();
    static final AtomicLong ROUTED = new AtomicLong();

    private ReloadProbes() {
    }

    static void reset() {
        STATS.clear();
        LONGEST_STOP_NANOS.set(0);
        ROUTED.set(0);
    }

    /** Sums every instance's delivered and dropped events. */
    static long accountedFor() {
        return STATS.stream().mapToLong(stats -> stats.delivered() + stats.droppedTotal()).sum();
    }

    /** The Mixpanel appender, timing its stops and counting what it is handed. */
    public static final class TimedMixpanelAppender extends MixpanelAppender {
        /** Selection as the appender reads it; the pinning settings do not matter to it. */
        private static final LogbackEventReader SELECTION = new LogbackEventReader(
                new MixlogSettings().text(Settings.TOKEN, "unused").build());

        @Override
        public void doAppend(ILoggingEvent event) {
            if (SELECTION.isMarked(event)) {
                ROUTED.incrementAndGet();
            }
            super.doAppend(event);
        }

        @Override
        public void start() {
            super.start();
            if (getStats() != null) {
                STATS.add(getStats());
            }
        }

        @Override
        public void stop() {
            long started = System.nanoTime();
            super.stop();
            LONGEST_STOP_NANOS.accumulateAndGet(System.nanoTime() - started, Math::max);
        }
    }
}
