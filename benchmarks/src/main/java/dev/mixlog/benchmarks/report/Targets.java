package dev.mixlog.benchmarks.report;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.Family;
import dev.mixlog.benchmarks.support.ResultFile;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Checks Mixlog's measurements against the targets set for it, using values from the same run. */
final class Targets {
    private static final double MAX_P50_OVER_FLOOR = 3.0;
    private static final double MAX_ALLOC_OVER_FLOOR = 100;
    private static final double MIN_EVENTS_PER_SECOND = 200_000;
    private static final double MAX_CPU_MICROS_PER_EVENT = 3.0;
    private static final double MAX_IDLE_CORE_PERCENT = 1.0;

    private final Results results;
    private final MarkdownTable table = new MarkdownTable("target", "measured", "met");

    Targets(Results results) {
        this.results = results;
    }

    MarkdownTable evaluate() {
        for (Family family : Family.values()) {
            AppenderCase mixlog = family == Family.LOGBACK ? AppenderCase.MIXLOG_LOGBACK : AppenderCase.MIXLOG_LOG4J2;
            AppenderCase floor = family == Family.LOGBACK ? AppenderCase.LOGBACK_NONE : AppenderCase.LOG4J2_NONE;
            latencyTargets(family, results.latency(mixlog), results.latency(floor));
        }
        throughputTargets();
        idleTargets();
        backgroundTargets();
        httpClientTargets();
        return table;
    }

    /** Mixlog's CPU behind the call below every asynchronous peer of its framework, in each window and at each rate. */
    private void backgroundTargets() {
        for (Family family : Family.values()) {
            AppenderCase mixlog = family == Family.LOGBACK ? AppenderCase.MIXLOG_LOGBACK : AppenderCase.MIXLOG_LOG4J2;
            for (int rate : results.backgroundRates()) {
                for (String window : Results.BACKGROUND_WINDOWS) {
                    String key = window + ".totalNanosPerEvent";
                    ResultFile own = results.background(mixlog, rate);
                    double total = own.number(key);
                    BestPeer best = bestPeer(family, peer -> results.background(peer, rate).number(key));
                    check(mixlog.label() + ": CPU behind the call at " + Numbers.count(rate) + " calls/s, "
                                    + Numbers.fixed(own.number(window + ".seconds"), 0) + " s after the warm-up, below every peer"
                                    + " (median of " + results.backgroundRuns() + " runs)",
                            Numbers.micros(total) + " µs/event vs best peer " + best.describe(), total < best.value);
                }
            }
        }
    }

    /** Mixlog on its own HTTP client at or below the same pipeline on the JDK's two, in the 40 s window at each rate (section 7). */
    private void httpClientTargets() {
        String key = Results.BACKGROUND_WINDOWS[1] + ".totalNanosPerEvent";
        for (int rate : results.backgroundRates()) {
            double own = results.background(AppenderCase.MIXLOG_LOGBACK, rate).number(key);
            double httpClient = results.background(AppenderCase.MIXLOG_LOGBACK_JDK_HTTPCLIENT, rate).number(key);
            double urlConnection = results.background(AppenderCase.MIXLOG_LOGBACK_URLCONNECTION, rate).number(key);
            check("Mixlog (Logback) on its own HTTP client: CPU behind the call at " + Numbers.count(rate)
                            + " calls/s at or below the same pipeline on the JDK's HttpClient and HttpURLConnection (40 s window)",
                    Numbers.micros(own) + " vs " + Numbers.micros(httpClient) + " and " + Numbers.micros(urlConnection) + " µs/event",
                    own <= httpClient && own <= urlConnection);
        }
    }

    /** The lowest of a figure among the other appenders of a framework (the no-appender floor aside), and whose it is. */
    private static BestPeer bestPeer(Family family, ToDoubleFunction<AppenderCase> figure) {
        BestPeer best = new BestPeer(Double.POSITIVE_INFINITY, Numbers.MISSING);
        for (AppenderCase peer : AppenderCase.values()) {
            if (peer.family() == family && !peer.isMixlog() && !peer.isFloor()) {
                double value = figure.applyAsDouble(peer);
                if (value < best.value) {
                    best = new BestPeer(value, peer.label());
                }
            }
        }
        return best;
    }

    /** A peer's figure and its name. */
    private static final class BestPeer {
        final double value;
        final String name;

        BestPeer(double value, String name) {
            this.value = value;
            this.name = name;
        }

        String describe() {
            return Numbers.micros(value) + " µs (" + name + ")";
        }
    }

    private void latencyTargets(Family family, ResultFile mixlog, ResultFile floor) {
        String who = "Mixlog (" + family.label() + ")";
        double p50 = mixlog.number("p50Nanos");
        double floorP50 = floor.number("p50Nanos");
        check(who + ": application-thread p50 within 3x the no-appender floor",
                String.format(Locale.ROOT, "%s µs vs floor %s µs (%.1fx)", Numbers.micros(p50), Numbers.micros(floorP50),
                        p50 / floorP50),
                p50 <= MAX_P50_OVER_FLOOR * floorP50);

        double p99 = mixlog.number("p99Nanos");
        BestPeer best = bestPeer(family, peer -> results.latency(peer).number("p99Nanos"));
        check(who + ": application-thread p99 below every peer for the same framework in the run",
                Numbers.micros(p99) + " µs vs best peer " + best.describe(), p99 < best.value);

        double alloc = mixlog.number("allocBytesPerCall");
        double floorAlloc = floor.number("allocBytesPerCall");
        check(who + ": bytes allocated per call ≤ floor + 100",
                Numbers.fixed(alloc, 0) + " B vs floor " + Numbers.fixed(floorAlloc, 0) + " B ("
                        + Numbers.signed(alloc - floorAlloc) + ")",
                alloc <= floorAlloc + MAX_ALLOC_OVER_FLOOR);
    }

    private void throughputTargets() {
        ResultFile mixlog = results.endToEnd(AppenderCase.MIXLOG_LOGBACK);
        ResultFile loki = results.endToEnd(AppenderCase.LOKI4J);
        double rate = mixlog.number("eventsPerSecond");
        boolean allArrived = mixlog.number("arrived") >= mixlog.number("events");
        check("end to end: ≥ 200,000 events/s sustained, all events delivered",
                Numbers.count(rate) + " events/s, " + Numbers.count(mixlog.number("arrived")) + " of "
                        + Numbers.count(mixlog.number("events")) + " arrived",
                rate >= MIN_EVENTS_PER_SECOND && allArrived);
        double cpu = mixlog.number("processCpuSecondsPerMillion");
        check("end to end: ≤ 3 µs CPU per event, all threads of the process",
                Numbers.fixed(cpu, 2) + " µs per event", cpu <= MAX_CPU_MICROS_PER_EVENT);
        double lokiRate = loki.number("eventsPerSecond");
        check("end to end: throughput at or above loki4j's",
                Numbers.count(rate) + " vs " + Numbers.count(lokiRate) + " events/s", rate >= lokiRate);
    }

    private void idleTargets() {
        for (AppenderCase mixlog : new AppenderCase[] {AppenderCase.MIXLOG_LOGBACK, AppenderCase.MIXLOG_LOG4J2}) {
            double percent = results.idle(mixlog).number("appenderThreadsCorePercent");
            check(mixlog.label() + " idle: < 1% of one core",
                    Numbers.fixed(percent, 3) + " % of one core", percent < MAX_IDLE_CORE_PERCENT);
        }
    }

    private void check(String target, String measured, boolean met) {
        boolean measuredAtAll = !measured.contains(Numbers.MISSING);
        table.row(target, measured, measuredAtAll ? (met ? "yes" : "**no**") : "not measured");
    }
}
