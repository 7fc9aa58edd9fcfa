package dev.mixlog.benchmarks.endtoend;

import dev.mixlog.benchmarks.receiver.ReceiverStats;
import dev.mixlog.benchmarks.support.ProcessCpu;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a receiver's event count to reach a target, giving up when it stops moving, and notes
 * when the count last moved.
 */
final class Arrivals {
    private static final long POLL_MILLIS = 10;
    private final String statsUrl;
    private final String prefix;
    private long lastArrivalNanos;
    private long processCpuAtLastArrival;
    private long threadCpuAtLastArrival;

    /** @param prefix the receiver's counter prefix: {@code mixpanel} or {@code loki} */
    Arrivals(String statsUrl, String prefix) {
        this.statsUrl = statsUrl;
        this.prefix = prefix;
    }

    ReceiverStats now() {
        return ReceiverStats.fetch(statsUrl);
    }

    long events(ReceiverStats stats) {
        return stats.get(prefix + ".events");
    }

    long bytes(ReceiverStats stats) {
        return stats.get(prefix + ".bodyBytes");
    }

    long headerBytes(ReceiverStats stats) {
        return stats.get(prefix + ".headerBytes");
    }

    long requests(ReceiverStats stats) {
        return stats.get(prefix + ".requests");
    }

    /**
     * Polls until {@code target} events have arrived; returns the last snapshot, which has fewer
     * when nothing arrived for {@code stallSeconds}.
     */
    ReceiverStats awaitEvents(long target, long stallSeconds) throws InterruptedException {
        ReceiverStats latest = now();
        long lastCount = events(latest);
        noteArrival();
        while (events(latest) < target) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            latest = now();
            long count = events(latest);
            if (count != lastCount) {
                lastCount = count;
                noteArrival();
            } else if (System.nanoTime() - lastArrivalNanos > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                break;
            }
        }
        return latest;
    }

    private void noteArrival() {
        lastArrivalNanos = System.nanoTime();
        processCpuAtLastArrival = ProcessCpu.processNanos();
        threadCpuAtLastArrival = ProcessCpu.currentThreadNanos();
    }

    /** When the last {@link #awaitEvents} call saw the count move last (within one poll period). */
    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** The process's CPU time then, so that waiting in vain for dropped events is not counted. */
    long processCpuAtLastArrival() {
        return processCpuAtLastArrival;
    }

    /** The waiting thread's own CPU time then. */
    long threadCpuAtLastArrival() {
        return threadCpuAtLastArrival;
    }
}
