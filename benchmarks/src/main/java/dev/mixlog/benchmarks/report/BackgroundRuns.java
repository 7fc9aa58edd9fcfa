package dev.mixlog.benchmarks.report;

import dev.mixlog.benchmarks.support.ResultFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The repeated runs of one appender at one rate, as one result: for each window, every figure of
 * the run whose total is the median of that window's totals (the lower of the two middle ones for an
 * even count; the figures of one run, never a mix),
 * and the totals of all runs under {@code <window>.runTotals}. JIT work lands in a window or just
 * outside it by chance, so one run alone can decide a comparison either way.
 */
final class BackgroundRuns {
    private BackgroundRuns() {
    }

    static ResultFile median(List<ResultFile> runs) {
        ResultFile merged = new ResultFile();
        if (runs.isEmpty()) {
            return merged;
        }
        merged.put("runs", runs.size());
        for (String window : Results.BACKGROUND_WINDOWS) {
            String total = window + ".totalNanosPerEvent";
            List<ResultFile> byTotal = new ArrayList<>(runs);
            byTotal.sort(Comparator.comparingDouble(run -> run.number(total)));
            ResultFile median = byTotal.get((byTotal.size() - 1) / 2);
            for (String key : median.keys()) {
                if (key.startsWith(window + ".")) {
                    merged.put(key, median.get(key));
                }
            }
            merged.put(window + ".runTotals", runs.stream()
                    .map(run -> String.format(Locale.ROOT, "%.2f", run.number(total) / 1000))
                    .collect(Collectors.joining(", ")));
        }
        return merged;
    }
}
