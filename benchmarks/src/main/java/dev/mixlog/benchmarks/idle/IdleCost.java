package dev.mixlog.benchmarks.idle;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.PurchaseCall;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.support.ProcessCpu;
import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.benchmarks.support.ThreadUsage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU an idle appender uses: after a few events have been delivered (so every thread it starts is
 * running), nothing is logged for the measured period. Reports the CPU of the appender's threads
 * ({@code mixlog-*}), of every Java thread but main, and of
 * the whole process, each also as a percentage of one core.
 * <p>Usage: {@code IdleCost <case> <result.properties> [seconds]}; default 10 s.
 */
public final class IdleCost {
    private IdleCost() {
    }

    public static void main(String[] args) throws InterruptedException {
        AppenderCase appenderCase = AppenderCase.byId(args[0]);
        Path output = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        LoggingSetup setup = LoggingSetup.start(appenderCase);
        PurchaseCall.installMdc();
        PurchaseCall call = new PurchaseCall();
        for (int i = 0; i < 10; i++) {
            call.log(setup.logger());
        }
        TimeUnit.SECONDS.sleep(3);

        ThreadUsage before = ThreadUsage.snapshot();
        long processBefore = ProcessCpu.processNanos();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long elapsed = System.nanoTime() - start;
        long process = ProcessCpu.processNanos() - processBefore;
        ThreadUsage after = ThreadUsage.snapshot();

        long appenderThreads = after.cpuNanosSince(before, IdleCost::isAppenderThread);
        long allButMain = after.cpuNanosSince(before, name -> !"main".equals(name));
        ResultFile result = new ResultFile()
                .put("appender", appenderCase.id())
                .put("seconds", elapsed / 1e9)
                .put("appenderThreadsCpuNanos", appenderThreads)
                .put("appenderThreadsCorePercent", 100.0 * appenderThreads / elapsed)
                .put("nonMainThreadsCpuNanos", allButMain)
                .put("processCpuNanos", process)
                .put("processCorePercent", 100.0 * process / elapsed);
        after.cpuNanosByThreadSince(before, IdleCost::isAppenderThread)
                .forEach((name, nanos) -> result.put("threadCpuNanos." + name.replace(' ', '_'), nanos));
        if (setup.control().mixlogStats() != null) {
            result.put("mixlogDelivered", setup.control().mixlogStats().delivered());
        }
        result.write(output);
        System.out.printf("%s idle for %.1f s: appender threads %.3f ms CPU (%.4f%% of a core), process %.1f ms%n",
                appenderCase.id(), elapsed / 1e9, appenderThreads / 1e6, 100.0 * appenderThreads / elapsed, process / 1e6);
        setup.control().stop();
        System.exit(0);
    }

    private static boolean isAppenderThread(String name) {
        return name.startsWith("mixlog-");
    }
}
