package dev.mixlog.benchmarks.jmh;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.PurchaseCall;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.Logger;

/**
 * The cost of one {@link PurchaseCall} on the application thread, in every appender set-up. Each
 * appender runs in its own forked JVM (one per parameter value); the family's classpath decides
 * which SLF4J provider answers. Calls come as fast as the thread can make them, so each appender
 * also shows its policy for a full queue (drop, discard or block).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallCostBenchmark {
    /** System property naming the folder where Mixlog's counters are written at the end of a fork. */
    static final String SIDECAR_DIR = "mixlog.bench.sidecarDir";

    @Param({"mixlog-logback", "logstash-disruptor", "logback-async", "loki4j", "logback-none",
            "mixlog-log4j2", "log4j2-async-json", "log4j2-all-async", "log4j2-none"})
    public String appender;

    private LoggingSetup setup;
    private Logger logger;
    private PurchaseCall call;

    /** Per calling thread: the MDC, installed after the framework is configured. */
    @State(Scope.Thread)
    public static class CallingThread {
        @Setup(Level.Trial)
        public void installMdc(CallCostBenchmark configured) {
            PurchaseCall.installMdc();
        }
    }

    @Setup(Level.Trial)
    public void start() {
        setup = LoggingSetup.start(AppenderCase.byId(appender));
        logger = setup.logger();
        call = new PurchaseCall();
    }

    @Benchmark
    public void purchase(CallingThread thread) {
        call.log(logger);
    }

    /** Writes Mixlog's counters, so the report can say how many calls found the ring full. */
    @TearDown(Level.Trial)
    public void recordMixlogCounters(BenchmarkParams params) {
        MixlogStats stats = setup.control().mixlogStats();
        String dir = System.getProperty(SIDECAR_DIR);
        if (stats == null || dir == null) {
            return;
        }
        new ResultFile()
                .put("captured", stats.captured())
                .put("droppedRingFull", stats.dropped(DropReason.RING_FULL))
                .put("droppedTotal", stats.droppedTotal())
                .put("delivered", stats.delivered())
                .write(Path.of(dir, "jmh-counters-" + appender + "-t" + params.getThreads() + ".properties"));
    }
}
