package dev.mixlog.benchmarks.latency;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.PurchaseCall;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.receiver.OutageReceiver;
import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long Mixpanel outage under a steady load, for one Mixlog case (with and without a spool): after
 * a warm-up with the endpoint up, the endpoint answers 503 for the whole outage while one thread
 * logs at a steady rate; then it comes back. Reports the application-thread latency during the
 * outage, what was dropped and why, the most the spool held, and how long after the endpoint came
 * back every event was settled.
 * <p>Usage: {@code OutageLatency <mixlog case> <result.properties> [callsPerSecond outageSeconds]};
 * defaults 2,000/s, 60 s. Runs its own receiver in this JVM.
 */
public final class OutageLatency {
    private static final int WARMUP_SECONDS = 5;
    private static final long SETTLE_BOUND_NANOS = TimeUnit.MINUTES.toNanos(5);

    private OutageLatency() {
    }

    public static void main(String[] args) throws Exception {
        AppenderCase appenderCase = AppenderCase.byId(args[0]);
        Path output = Path.of(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int outageSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;

        OutageReceiver receiver = OutageReceiver.start();
        System.setProperty(LoggingSetup.MIXPANEL_URL, receiver.url());
        LoggingSetup setup = LoggingSetup.start(appenderCase);
        MixlogStats stats = setup.control().mixlogStats();
        PurchaseCall.installMdc();
        PacedCaller caller = new PacedCaller(setup.logger(), new PurchaseCall(), rate);
        long warmup = (long) rate * WARMUP_SECONDS;
        caller.run((int) warmup, null);
        awaitSettled(stats, warmup);

        receiver.down();
        AtomicLong mostSpooled = new AtomicLong();
        AtomicLong mostInRing = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                mostSpooled.accumulateAndGet(stats.spooledBytes(), Math::max);
                mostInRing.accumulateAndGet(stats.ringBacklog(), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "outage-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int calls = rate * outageSeconds;
        long[] latencies = new long[calls];
        caller.run(calls, latencies);
        long droppedDuringOutage = stats.droppedTotal();
        receiver.up();
        long upAt = System.nanoTime();
        boolean settled = awaitSettled(stats, warmup + calls);
        double recoverySeconds = (System.nanoTime() - upAt) / 1e9;
        sampler.interrupt();

        Percentiles percentiles = new Percentiles(latencies, calls);
        ResultFile result = new ResultFile()
                .put("appender", appenderCase.id())
                .put("rate", rate)
                .put("outageSeconds", outageSeconds)
                .put("outageCalls", calls)
                .put("p50Nanos", percentiles.at(50))
                .put("p99Nanos", percentiles.at(99))
                .put("p999Nanos", percentiles.at(99.9))
                .put("maxNanos", percentiles.max())
                .put("droppedDuringOutage", droppedDuringOutage)
                .put("droppedRingFull", stats.dropped(DropReason.RING_FULL))
                .put("droppedSpoolFull", stats.dropped(DropReason.SPOOL_FULL))
                .put("droppedTotal", stats.droppedTotal())
                .put("delivered", stats.delivered() - warmup)
                .put("arrived", receiver.events() - warmup)
                .put("mostSpooledBytes", mostSpooled.get())
                .put("mostInRing", mostInRing.get())
                .put("recoverySeconds", settled ? recoverySeconds : Double.NaN)
                .put("mixlogStats", stats.toString());
        result.write(output);
        System.out.printf("%s: %d calls in a %d s outage, p99 %d ns, dropped %d, spool at most %d bytes, settled %.1f s after%n",
                appenderCase.id(), calls, outageSeconds, percentiles.at(99), stats.droppedTotal(), mostSpooled.get(),
                recoverySeconds);
        setup.control().stop();
        receiver.close();
        System.exit(0);
    }

    /** Waits until every event logged so far is delivered or dropped; false when the bound passes first. */
    private static boolean awaitSettled(MixlogStats stats, long logged) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_BOUND_NANOS;
        while (stats.delivered() + stats.droppedTotal() < logged) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }
}
