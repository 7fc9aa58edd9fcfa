package dev.mixlog.benchmarks.latency;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.PurchaseCall;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.support.ProcessCpu;
import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.benchmarks.support.ThreadUsage;
import dev.mixlog.core.diag.MixlogStats;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Application-thread latency of {@link PurchaseCall} at a steady rate from one thread, for one
 * appender: percentiles of each call's duration, bytes the calling thread allocates per call, and
 * the CPU the other threads of the process (the appender's) use per event.
 * <p>Usage: {@code PacedLatency <case> <result.properties> [callsPerSecond warmupSeconds measureSeconds]};
 * defaults 20,000/s, 5 s, 10 s.
 */
public final class PacedLatency {
    /** Time given to the appender after the last call to finish its work, counted in its CPU. */
    private static final long SETTLE_MILLIS = 1500;

    private PacedLatency() {
    }

    public static void main(String[] args) throws InterruptedException {
        AppenderCase appenderCase = AppenderCase.byId(args[0]);
        Path output = Path.of(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int measureSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;

        LoggingSetup setup = LoggingSetup.start(appenderCase);
        PurchaseCall.installMdc();
        PacedCaller caller = new PacedCaller(setup.logger(), new PurchaseCall(), rate);
        caller.run(rate * warmupSeconds, null);
        TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);

        int calls = rate * measureSeconds;
        long[] latencies = new long[calls];
        ThreadUsage threadsBefore = ThreadUsage.snapshot();
        long processBefore = ProcessCpu.processNanos();
        long selfBefore = ProcessCpu.currentThreadNanos();
        long allocatedBefore = ProcessCpu.currentThreadAllocatedBytes();
        long elapsed = caller.run(calls, latencies);
        long allocated = ProcessCpu.currentThreadAllocatedBytes() - allocatedBefore;
        long self = ProcessCpu.currentThreadNanos() - selfBefore;
        TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
        ThreadUsage threadsAfter = ThreadUsage.snapshot();
        long process = ProcessCpu.processNanos() - processBefore;

        Percentiles percentiles = new Percentiles(latencies, calls);
        ResultFile result = new ResultFile()
                .put("appender", appenderCase.id())
                .put("calls", calls)
                .put("callsPerSecond", calls * 1e9 / elapsed)
                .put("p50Nanos", percentiles.at(50))
                .put("p90Nanos", percentiles.at(90))
                .put("p99Nanos", percentiles.at(99))
                .put("p999Nanos", percentiles.at(99.9))
                .put("maxNanos", percentiles.max())
                .put("meanNanos", percentiles.mean())
                .put("allocBytesPerCall", (double) allocated / calls)
                .put("appenderThreadsCpuNanosPerEvent",
                        (double) threadsAfter.cpuNanosSince(threadsBefore, PacedLatency::isOtherThread) / calls)
                .put("otherProcessCpuNanosPerEvent", (double) (process - self) / calls);
        Map<String, Long> byThread = threadsAfter.cpuNanosByThreadSince(threadsBefore, PacedLatency::isOtherThread);
        byThread.forEach((name, nanos) -> {
            if (nanos > 0) {
                result.put("threadCpuNanos." + name.replace(' ', '_'), nanos);
            }
        });
        threadsAfter.allocatedBytesByThreadSince(threadsBefore, name -> true).forEach((name, bytes) -> {
            if (bytes > 0) {
                result.put("threadAllocatedBytesPerEvent." + name.replace(' ', '_'), (double) bytes / calls);
            }
        });
        MixlogStats stats = setup.control().mixlogStats();
        if (stats != null) {
            result.put("mixlogDropped", stats.droppedTotal()).put("mixlogCaptured", stats.captured())
                    .put("mixlogStats", stats.toString());
        }
        result.write(output);
        System.out.printf("%s: p50 %d ns, p99 %d ns, p99.9 %d ns, %.0f B/call%n", appenderCase.id(),
                percentiles.at(50), percentiles.at(99), percentiles.at(99.9), (double) allocated / calls);
        setup.control().stop();
        System.exit(0);
    }

    private static boolean isOtherThread(String name) {
        return !"main".equals(name);
    }
}
