package dev.mixlog.benchmarks.report;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.support.ResultFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The result files of one run, found by the names the measuring programs give them. */
final class Results {
    private static final ResultFile NONE = new ResultFile();
    private final Path dir;

    Results(Path dir) {
        this.dir = dir;
    }

    ResultFile jmh(AppenderCase appenderCase, int threads) {
        return read("jmh-" + appenderCase.id() + "-t" + threads + ".properties");
    }

    ResultFile jmhCounters(AppenderCase appenderCase, int threads) {
        return read("jmh-counters-" + appenderCase.id() + "-t" + threads + ".properties");
    }

    ResultFile latency(AppenderCase appenderCase) {
        return read("latency-" + appenderCase.id() + ".properties");
    }

    ResultFile endToEnd(AppenderCase appenderCase) {
        return read("e2e-" + appenderCase.id() + ".properties");
    }

    /** One fleet run: {@code mode} is {@code rate-control} or {@code per-batch}. */
    ResultFile fleet(String mode, int services) {
        return read("fleet-" + mode + "-" + services + ".properties");
    }

    ResultFile outage(AppenderCase appenderCase) {
        return read("outage-" + appenderCase.id() + ".properties");
    }

    /** The two windows of the work behind the call, as {@code BackgroundCpu} names them in its result keys. */
    static final String[] BACKGROUND_WINDOWS = {"w1", "w2"};

    /** The rates at which run.sh measured the work behind the call, as it wrote them in environment.properties. */
    int[] backgroundRates() {
        String rates = environment().get("backgroundRates");
        return rates == null ? new int[0] : Arrays.stream(rates.split(",")).mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
    }

    /** The runs of one appender at one rate, as their median (see {@link BackgroundRuns}). */
    ResultFile background(AppenderCase appenderCase, int rate) {
        List<ResultFile> runs = new ArrayList<>();
        int count = backgroundRuns();
        for (int run = 1; run <= count; run++) {
            ResultFile one = read("background-" + appenderCase.id() + "-" + rate + "-run" + run + ".properties");
            if (one != NONE) {
                runs.add(one);
            }
        }
        return BackgroundRuns.median(runs);
    }

    /** How many times run.sh measured each appender at each rate. */
    int backgroundRuns() {
        String runs = environment().get("backgroundRuns");
        return runs == null ? 1 : Integer.parseInt(runs.trim());
    }

    ResultFile idle(AppenderCase appenderCase) {
        return read("idle-" + appenderCase.id() + ".properties");
    }

    ResultFile environment() {
        return read("environment.properties");
    }

    /** The file's values, or an empty result (every value missing) when it was not written. */
    private ResultFile read(String name) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? ResultFile.read(file) : NONE;
    }
}
