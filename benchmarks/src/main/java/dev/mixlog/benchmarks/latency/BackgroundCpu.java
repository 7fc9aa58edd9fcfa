package dev.mixlog.benchmarks.latency;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.PurchaseCall;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.support.ProcessCpu;
import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.benchmarks.support.ThreadUsage;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * The work behind the logging call, for one appender: after a warm-up, one thread logs at a steady
 * rate, and the CPU the rest of the process spends is read at the end of each window (10 s and
 * 40 s after the warm-up, counted from its end). Split per event into the appender's threads (every
 * Java thread but the caller) and the rest of the process (JIT compiler and GC threads, the VM),
 * with the JIT's own compile time and the GC's pause time in milliseconds, and the bytes the appender's
 * threads allocate per event.
 * <p>Usage: {@code BackgroundCpu <case> <result.properties> [callsPerSecond warmupCalls firstWindow,secondWindow]}; defaults
 * 20,000/s, 50,000 calls and windows {@code 10,40} (seconds after the warm-up). The result keys name the
 * windows by their place: {@code w1.} is the first, {@code w2.} the second.
 */
public final class BackgroundCpu {
    private BackgroundCpu() {
    }

    public static void main(String[] args) throws InterruptedException {
        AppenderCase appenderCase = AppenderCase.byId(args[0]);
        Path output = Path.of(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmupCalls = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        String[] windows = (args.length > 4 ? args[4] : "10,40").split(",");
        if (windows.length != 2) {
            throw new IllegalArgumentException("two windows, such as 10,40 (seconds after the warm-up): " + args[4]);
        }

        LoggingSetup setup = LoggingSetup.start(appenderCase);
        PurchaseCall.installMdc();
        PacedCaller caller = new PacedCaller(setup.logger(), new PurchaseCall(), rate);
        ResultFile result = new ResultFile().put("appender", appenderCase.id()).put("rate", rate)
                .put("warmupCalls", warmupCalls);
        int[] windowEnds = new int[windows.length];
        for (int w = 0; w < windows.length; w++) {
            windowEnds[w] = warmupCalls + rate * Integer.parseInt(windows[w].trim());
        }
        Snapshot[] start = new Snapshot[1];
        caller.run(windowEnds[windows.length - 1], tickEvery(warmupCalls, rate), calls -> {
            if (calls == warmupCalls) {
                start[0] = Snapshot.take();
                result.put("windowsStartUptimeMillis", ManagementFactory.getRuntimeMXBean().getUptime());
            }
            for (int w = 0; w < windowEnds.length; w++) {
                if (calls == windowEnds[w]) {
                    putWindow(result, w, Integer.parseInt(windows[w].trim()), calls - warmupCalls, start[0], Snapshot.take());
                }
            }
        });
        result.write(output);
        System.out.printf("%s at %d/s: %s / %s ns per event%n", appenderCase.id(), rate, result.get("w1.totalNanosPerEvent"),
                result.get("w2.totalNanosPerEvent"));
        setup.control().stop();
        System.exit(0);
    }

    /** Calls between two ticks: a divisor of the warm-up and of a second's calls, so that every window starts and ends on a tick. */
    private static int tickEvery(int warmupCalls, int rate) {
        return BigInteger.valueOf(warmupCalls).gcd(BigInteger.valueOf(rate)).intValueExact();
    }

    private static void putWindow(ResultFile result, int index, int seconds, int done, Snapshot start, Snapshot end) {
        long appenderThreads = end.threads.cpuNanosSince(start.threads, name -> !"main".equals(name));
        long appenderAllocated = end.threads.allocatedBytesSince(start.threads, name -> !"main".equals(name));
        long rest = end.processNanos - start.processNanos - (end.callerNanos - start.callerNanos) - appenderThreads;
        String window = "w" + (index + 1) + ".";
        result.put(window + "seconds", seconds)
                .put(window + "appenderThreadsNanosPerEvent", (double) appenderThreads / done)
                .put(window + "restNanosPerEvent", (double) rest / done)
                .put(window + "totalNanosPerEvent", (double) (appenderThreads + rest) / done)
                .put(window + "appenderThreadsBytesPerEvent", (double) appenderAllocated / done)
                .put(window + "jitMillis", end.jitMillis - start.jitMillis)
                .put(window + "gcMillis", end.gcMillis - start.gcMillis);
        end.threads.cpuNanosByThreadSince(start.threads, name -> !"main".equals(name)).forEach((name, nanos) -> {
            if (nanos > 0) {
                result.put(window + "threadCpuNanos." + name.replace(' ', '_'), nanos);
            }
        });
    }

    /** The process's counters at one moment. */
    private static final class Snapshot {
        private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

        final ThreadUsage threads;
        final long processNanos;
        final long callerNanos;
        final long jitMillis;
        final long gcMillis;

        private Snapshot(ThreadUsage threads, long processNanos, long callerNanos, long jitMillis, long gcMillis) {
            this.threads = threads;
            this.processNanos = processNanos;
            this.callerNanos = callerNanos;
            this.jitMillis = jitMillis;
            this.gcMillis = gcMillis;
        }

        static Snapshot take() {
            long gc = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, collector.getCollectionTime());
            }
            return new Snapshot(ThreadUsage.snapshot(), ProcessCpu.processNanos(), ProcessCpu.currentThreadNanos(),
                    JIT.getTotalCompilationTime(), gc);
        }
    }
}
