package dev.mixlog.core.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.StatusSink;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.diag.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drops and adjustments reported through the status channel, rate-limited: the first at once,
 * repeats at most once per interval, the end of a drop streak once. Time is given to
 * {@link DiagnosticsReporter#tick(long)}, so the test drives the clock itself.
 */
class DiagnosticsReporterTest {
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(50);
    private final Counters stats = new Counters();
    private final RecordingSink sink = new RecordingSink();
    private final DiagnosticsReporter reporter = new DiagnosticsReporter(stats, sink, INTERVAL);
    private long now = 1_000_000_000L;

    private void tickAfter(long nanos) {
        now += nanos;
        reporter.tick(now);
    }

    @Test
    void nothingHappenedNothingReported() {
        tickAfter(0);
        tickAfter(INTERVAL * 10);

        assertEquals(List.of(), sink.messages);
    }

    @Test
    void theFirstDropIsReportedAtOnce() {
        stats.recordDropped(DropReason.RING_FULL, 3);
        tickAfter(1);

        assertEquals(List.of("WARN 3 events dropped: ring buffer full (3 in total)"), sink.messages);
    }

    @Test
    void repeatedDropsAreReportedAtMostOncePerInterval() {
        stats.recordDropped(DropReason.RING_FULL, 1);
        tickAfter(1);
        for (int i = 0; i < 9; i++) {
            stats.recordDropped(DropReason.RING_FULL, 10);
            tickAfter(INTERVAL / 10);
        }
        assertEquals(1, sink.messages.size(), sink.messages::toString);

        tickAfter(INTERVAL / 10);

        assertEquals(2, sink.messages.size(), sink.messages::toString);
        assertEquals("WARN 90 events dropped: ring buffer full (91 in total since the first report)", sink.messages.get(1));
    }

    @Test
    void theEndOfADropStreakIsReportedOnceAfterAQuietInterval() {
        stats.recordDropped(DropReason.SHUTDOWN, 5);
        tickAfter(1);
        tickAfter(INTERVAL / 2);
        assertEquals(1, sink.messages.size());

        tickAfter(INTERVAL);
        tickAfter(INTERVAL);
        tickAfter(INTERVAL * 5);

        assertEquals(List.of("WARN 5 events dropped: not delivered before shutdown (5 in total)",
                "INFO drops stopped (not delivered before shutdown): 5 events dropped in total"), sink.messages);
    }

    @Test
    void aNewStreakIsReportedAtOnceAgain() {
        stats.recordDropped(DropReason.RING_FULL, 1);
        tickAfter(1);
        tickAfter(INTERVAL);
        assertTrue(sink.messages.get(1).startsWith("INFO drops stopped"), sink.messages::toString);

        stats.recordDropped(DropReason.RING_FULL, 2);
        tickAfter(1);

        assertEquals(3, sink.messages.size(), sink.messages::toString);
        assertEquals("WARN 2 events dropped: ring buffer full (3 in total)", sink.messages.get(2));
    }

    @Test
    void eachReasonHasItsOwnStreak() {
        stats.recordDropped(DropReason.RING_FULL, 1);
        tickAfter(1);
        stats.recordDropped(DropReason.REJECTED, 2);
        tickAfter(1);

        assertEquals(List.of("WARN 1 events dropped: ring buffer full (1 in total)",
                "WARN 2 events dropped: rejected by Mixpanel (2 in total)"), sink.messages);
    }

    @Test
    void adjustmentsAreReportedAsInformationAndRateLimitedToo() {
        stats.recordAdjusted(Adjustment.STRING_TRUNCATED);
        tickAfter(1);
        stats.recordAdjusted(Adjustment.STRING_TRUNCATED);
        tickAfter(1);
        tickAfter(INTERVAL);
        tickAfter(INTERVAL * 3);

        assertEquals(List.of("INFO string values cut to maxStringLength: 1 (1 in total)",
                "INFO string values cut to maxStringLength: 1 (2 in total since the first report)"), sink.messages);
    }

    private static final class RecordingSink implements StatusSink {
        final List<String> messages = new ArrayList<>();

        @Override
        public void info(String message) {
            messages.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            messages.add("WARN " + message);
        }

        @Override
        public void error(String message) {
            messages.add("ERROR " + message);
        }
    }
}
