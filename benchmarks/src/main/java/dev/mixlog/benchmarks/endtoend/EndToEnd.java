package dev.mixlog.benchmarks.endtoend;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.PurchaseCall;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.receiver.ReceiverStats;
import dev.mixlog.benchmarks.support.GcActivity;
import dev.mixlog.benchmarks.support.NativeThreadCpu;
import dev.mixlog.benchmarks.support.ProcessCpu;
import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.benchmarks.support.ThreadUsage;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * End to end: logs N {@link PurchaseCall}s as fast as the appender takes them (Mixlog's ring is not
 * overrun: the logging thread pauses when it is nearly full) and waits until the loopback receiver
 * has counted all N, or until nothing more arrives for 30 s (an appender that dropped events).
 * Reports sustained events per second (first call to last arrival), CPU of the whole process per
 * million events, request bytes per event and the peak used heap. A warm-up round of the same kind
 * runs first.
 * <p>Usage: {@code EndToEnd <case> <result.properties> [events warmupEvents]}; defaults 1,000,000 each
 * (a shorter warm-up leaves JIT compilation running into the measured round).
 */
public final class EndToEnd {
    /**
     * Events logged but not yet taken by Mixlog's consumer, at most. The consumer counts an event as
     * taken before it hands the slot back (at the end of each drain), so this stays well below the
     * default ring of 16,384 slots.
     */
    private static final long MIXLOG_BACKLOG_LIMIT = 7_680;
    private static final long STALL_SECONDS = 30;

    private EndToEnd() {
    }

    public static void main(String[] args) throws InterruptedException {
        AppenderCase appenderCase = AppenderCase.byId(args[0]);
        Path output = Path.of(args[1]);
        int events = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int warmupEvents = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;

        LoggingSetup setup = LoggingSetup.start(appenderCase);
        PurchaseCall.installMdc();
        PurchaseCall call = new PurchaseCall();
        Logger logger = setup.logger();
        MixlogStats stats = setup.control().mixlogStats();
        Backlog backlog = new Backlog(stats, MIXLOG_BACKLOG_LIMIT);
        Arrivals arrivals = new Arrivals(System.getProperty(LoggingSetup.STATS_URL),
                appenderCase.isMixlog() ? "mixpanel" : "loki");

        ReceiverStats before = arrivals.now();
        logAll(logger, call, backlog, warmupEvents);
        before = arrivals.awaitEvents(arrivals.events(before) + warmupEvents - dropped(stats), STALL_SECONDS);
        long droppedBefore = dropped(stats);
        System.gc();

        long arrivedBefore = arrivals.events(before);
        ThreadUsage threadsBefore = ThreadUsage.snapshot();
        GcActivity gcBefore = GcActivity.snapshot();
        NativeThreadCpu nativeBefore = NativeThreadCpu.snapshot();
        long cpuBefore = ProcessCpu.processNanos();
        long selfBefore = ProcessCpu.currentThreadNanos();
        long start = System.nanoTime();
        long peakHeap;
        long producedAt;
        ReceiverStats after;
        try (HeapSampler heap = new HeapSampler()) {
            logAll(logger, call, backlog, events);
            producedAt = System.nanoTime();
            after = arrivals.awaitEvents(arrivedBefore + events - (dropped(stats) - droppedBefore), STALL_SECONDS);
            peakHeap = heap.peakBytes();
        }
        long end = arrivals.lastArrivalNanos();
        long cpu = arrivals.processCpuAtLastArrival() - cpuBefore;
        ThreadUsage threadsAfter = ThreadUsage.snapshot();
        GcActivity gcAfter = GcActivity.snapshot();
        NativeThreadCpu nativeAfter = NativeThreadCpu.snapshot();
        long self = arrivals.threadCpuAtLastArrival() - selfBefore;

        long arrived = arrivals.events(after) - arrivedBefore;
        ResultFile result = new ResultFile()
                .put("appender", appenderCase.id())
                .put("events", events)
                .put("arrived", arrived)
                .put("seconds", (end - start) / 1e9)
                .put("loggingSeconds", (producedAt - start) / 1e9)
                .put("eventsPerSecond", arrived * 1e9 / (end - start))
                .put("processCpuSecondsPerMillion", cpu / 1e9 * 1e6 / events)
                .put("loggingThreadCpuSecondsPerMillion", self / 1e9 * 1e6 / events)
                .put("requests", arrivals.requests(after) - arrivals.requests(before))
                .put("bodyBytesPerEvent", (double) (arrivals.bytes(after) - arrivals.bytes(before)) / Math.max(1, arrived))
                .put("headerBytesPerEvent",
                        (double) (arrivals.headerBytes(after) - arrivals.headerBytes(before)) / Math.max(1, arrived))
                .put("peakHeapBytes", peakHeap)
                .put("maxHeapBytes", Runtime.getRuntime().maxMemory())
                .put("receiverCpuSecondsPerMillion",
                        (after.get("receiver.cpuNanos") - before.get("receiver.cpuNanos")) / 1e9 * 1e6 / events);
        result.put("gcCount", gcAfter.countSince(gcBefore)).put("gcMillis", gcAfter.millisSince(gcBefore));
        nativeAfter.nanosByKindSince(nativeBefore).forEach((kind, nanos) ->
                result.put(kind + "CpuSecondsPerMillion", nanos / 1e9 * 1e6 / events));
        threadsAfter.cpuNanosByThreadSince(threadsBefore, name -> true).forEach((name, nanos) -> {
            if (nanos > 0) {
                result.put("threadCpuNanos." + name.replace(' ', '_'), nanos);
            }
        });
        threadsAfter.allocatedBytesByThreadSince(threadsBefore, name -> true).forEach((name, bytes) -> {
            if (bytes > 0) {
                result.put("threadAllocatedBytesPerEvent." + name.replace(' ', '_'), (double) bytes / events);
            }
        });
        if (stats != null) {
            result.put("mixlogDropped", dropped(stats) - droppedBefore);
        }
        result.write(output);
        System.out.printf("%s: %d of %d events arrived in %.2f s: %.0f events/s, %.2f CPU s per million%n",
                appenderCase.id(), arrived, events, (end - start) / 1e9, arrived * 1e9 / (end - start), cpu / 1e3 / events);
        setup.control().stop();
        System.exit(0);
    }

    /** Events Mixlog has dropped so far (they will never arrive); 0 for other appenders. */
    private static long dropped(MixlogStats stats) {
        return stats == null ? 0 : stats.droppedTotal();
    }

    private static void logAll(Logger logger, PurchaseCall call, Backlog backlog, int events) {
        for (int i = 0; i < events; i++) {
            backlog.beforeCall();
            call.log(logger);
        }
    }
}
