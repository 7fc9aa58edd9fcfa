package dev.mixlog.benchmarks.jmh;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.Family;
import dev.mixlog.benchmarks.frameworks.LoggingSetup;
import dev.mixlog.benchmarks.support.ResultFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CallCostBenchmark} for one family's appenders at 1 and 2 calling threads, with JMH's GC
 * profiler, and writes one result file per appender and thread count.
 * <p>Usage: {@code CallCostSuite LOGBACK|LOG4J2 <resultsDir> [warmupIterations warmupSeconds
 * measurementIterations measurementSeconds]}; defaults 3 x 2 s and 5 x 2 s, one fork.
 */
public final class CallCostSuite {
    private static final int[] THREADS = {1, 2};

    private CallCostSuite() {
    }

    public static void main(String[] args) throws RunnerException {
        Family family = Family.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path results = Path.of(args[1]);
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int measurements = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int measurementSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        List<String> appenders = AppenderCase.ids(family);

        for (int threads : THREADS) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(CallCostBenchmark.class.getName() + ".purchase")
                    .param("appender", appenders.toArray(new String[0]))
                    .threads(threads)
                    .forks(1)
                    .warmupIterations(warmups)
                    .warmupTime(TimeValue.seconds(warmupSeconds))
                    .measurementIterations(measurements)
                    .measurementTime(TimeValue.seconds(measurementSeconds))
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true)
                    .jvmArgsAppend(forkProperties(results));
            Collection<RunResult> runs = new Runner(options.build()).run();
            for (RunResult run : runs) {
                write(run, threads, results);
            }
        }
    }

    private static String[] forkProperties(Path results) {
        List<String> properties = new ArrayList<>();
        for (String name : new String[] {LoggingSetup.MIXPANEL_URL, LoggingSetup.LOKI_URL, LoggingSetup.STATS_URL}) {
            String value = System.getProperty(name);
            if (value != null) {
                properties.add("-D" + name + "=" + value);
            }
        }
        properties.add("-D" + CallCostBenchmark.SIDECAR_DIR + "=" + results.toAbsolutePath());
        return properties.toArray(new String[0]);
    }

    private static void write(RunResult run, int threads, Path results) {
        String appender = run.getParams().getParam("appender");
        Result<?> primary = run.getPrimaryResult();
        ResultFile file = new ResultFile()
                .put("appender", appender)
                .put("threads", threads)
                .put("nsPerOp", primary.getScore())
                .put("nsPerOpError", primary.getScoreError());
        Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
        if (allocation != null) {
            file.put("allocBytesPerOp", allocation.getScore());
        }
        Result<?> gcCount = run.getSecondaryResults().get("gc.count");
        if (gcCount != null) {
            file.put("gcCount", gcCount.getScore());
        }
        file.write(results.resolve("jmh-" + appender + "-t" + threads + ".properties"));
    }
}
