package dev.mixlog.benchmarks.report;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.Family;
import dev.mixlog.benchmarks.support.ResultFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes RESULTS.md from one run's result files: the machine, the command, the targets and the
 * eight tables (call cost, paced latency, end to end, idle, a long outage, the work behind the call,
 * Mixlog's HTTP client beside the JDK's, and a fleet sharing one project's limit).
 * <p>Usage: {@code ResultsReport <resultsDir> <RESULTS.md>}
 */
public final class ResultsReport {
    private final Results results;
    private final StringBuilder out = new StringBuilder();

    private ResultsReport(Results results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        ResultsReport report = new ResultsReport(new Results(Path.of(args[0])));
        Files.writeString(Path.of(args[1]), report.render(), StandardCharsets.UTF_8);
    }

    private String render() {
        ResultFile env = results.environment();
        out.append("# Mixlog benchmark results\n\n")
                .append("Mixlog side by side with the appenders users would otherwise use, in one run on one machine. ")
                .append("Written by `").append(env.get("command")).append("` (").append(env.get("date")).append(").\n\n");
        environment(env);
        out.append("## Targets\n\n");
        new Targets(results).evaluate().appendTo(out);
        callCost(env);
        latency(env);
        endToEnd(env);
        idle(env);
        outage(env);
        background(env);
        httpClients();
        FleetSection.appendTo(out, results);
        out.append("## How it was measured\n\n").append(Method.TEXT);
        return out.toString();
    }

    private void environment(ResultFile env) {
        new MarkdownTable("machine", "")
                .row("CPU", env.get("cpuModel") + " (nproc " + env.get("nproc") + ")")
                .row("memory", env.get("memory"))
                .row("OS", env.get("os"))
                .row("JDK", env.get("jdk"))
                .row("JVM options", "`" + env.get("jvmOptions") + "`")
                .row("libraries", env.get("libraries"))
                .row("Mixlog", env.get("revision"))
                .row("other work", env.get("otherWork"))
                .appendTo(out);
    }

    private void callCost(ResultFile env) {
        out.append("## 1. Cost of one logging call (JMH)\n\n")
                .append("`log.atInfo().addMarker(M).addKeyValue(..)x3.log(\"Purchase\")` with 4 MDC entries, ")
                .append("as fast as the calling threads can go (").append(env.get("jmhSettings")).append("). ")
                .append("ns/op is the average time of one call on each calling thread; B/op is JMH's ")
                .append("`gc.alloc.rate.norm`: bytes allocated per call by all threads of the JVM, the appender's ")
                .append("own threads included. At this rate every asynchronous appender's queue is full most of ")
                .append("the time, so the numbers include each one's full-queue policy (see the notes).\n\n");
        for (Family family : Family.values()) {
            MarkdownTable table = new MarkdownTable(family.label() + " appender", "1 thread: ns/op", "1 thread: B/op",
                    "2 threads: ns/op", "2 threads: B/op", "Mixlog: calls that found the ring full (1 / 2 threads)");
            for (AppenderCase appenderCase : AppenderCase.values()) {
                if (appenderCase.family() != family || appenderCase.isVariant()) {
                    continue;
                }
                ResultFile one = results.jmh(appenderCase, 1);
                ResultFile two = results.jmh(appenderCase, 2);
                table.row(appenderCase.label(),
                        Numbers.withError(one.number("nsPerOp"), one.number("nsPerOpError")),
                        Numbers.fixed(one.number("allocBytesPerOp"), 0),
                        Numbers.withError(two.number("nsPerOp"), two.number("nsPerOpError")),
                        Numbers.fixed(two.number("allocBytesPerOp"), 0),
                        appenderCase.isMixlog() ? ringFullShare(appenderCase, 1) + " / " + ringFullShare(appenderCase, 2) : "");
            }
            table.appendTo(out);
        }
    }

    private String ringFullShare(AppenderCase appenderCase, int threads) {
        ResultFile counters = results.jmhCounters(appenderCase, threads);
        double full = counters.number("droppedRingFull");
        double taken = counters.number("captured");
        return Numbers.fixed(100 * full / (full + taken), 1) + " %";
    }

    private void latency(ResultFile env) {
        out.append("## 2. Application-thread latency at a steady ").append(Numbers.count(env.number("latencyRate"))).append(" calls/s\n\n")
                .append("One thread makes the same call on a fixed schedule (spinning to each due time) for ")
                .append(env.get("latencySeconds")).append(" s after a ").append(env.get("latencyWarmupSeconds"))
                .append(" s warm-up; each call is timed with `System.nanoTime()`. One JVM per appender. ")
                .append("B/call: bytes the calling thread allocates per call (ThreadMXBean). Appender threads: CPU of ")
                .append("every Java thread but the caller, per event (measured until 1.5 s after the last call). ")
                .append("Other CPU: process CPU minus the calling thread's, per event: the appender's threads plus ")
                .append("GC and JIT.\n\n");
        MarkdownTable table = new MarkdownTable("appender", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs",
                "B/call", "appender threads: µs CPU/event", "other CPU: µs/event", "calls/s achieved");
        for (AppenderCase appenderCase : AppenderCase.values()) {
            ResultFile r = results.latency(appenderCase);
            if (appenderCase.isVariant() && !r.has("p50Nanos")) {
                continue;
            }
            table.row(appenderCase.label(), Numbers.micros(r.number("p50Nanos")), Numbers.micros(r.number("p90Nanos")),
                    Numbers.micros(r.number("p99Nanos")), Numbers.micros(r.number("p999Nanos")),
                    Numbers.micros(r.number("maxNanos")), Numbers.fixed(r.number("allocBytesPerCall"), 0),
                    Numbers.micros(r.number("appenderThreadsCpuNanosPerEvent")),
                    Numbers.micros(r.number("otherProcessCpuNanosPerEvent")), Numbers.count(r.number("callsPerSecond")));
        }
        table.appendTo(out);
    }

    private void endToEnd(ResultFile env) {
        out.append("## 3. End to end: ").append(Numbers.count(env.number("e2eEvents"))).append(" events to a loopback receiver\n\n")
                .append("One thread logs the events as fast as the appender takes them (for Mixlog, it pauses when ")
                .append("the ring is nearly full, reading the appender's counters; loki4j's queue is unbounded), after a ")
                .append("warm-up round of ").append(Numbers.count(env.number("e2eWarmupEvents"))).append(" events. Time runs from the ")
                .append("first call until the receiver (a separate JVM) has counted every event (or, for an appender ")
                .append("that dropped some, the last one that arrived). CPU: all threads of the logging process over ")
                .append("the same span (`getProcessCpuTime`), so GC and JIT count (split by thread from ")
                .append("`/proc/self/task`, 10 ms resolution). Wire bytes: request bodies ")
                .append("as sent (Mixlog: gzip; loki4j: uncompressed JSON), and request line plus headers. Peak heap: ")
                .append("highest used heap sampled every 5 ms.\n\n");
        MarkdownTable table = new MarkdownTable("appender", "events arrived", "seconds", "events/s",
                "CPU s per million events (process)", "of which the logging thread", "of which GC threads",
                "of which JIT compiler threads",
                "receiver CPU s per million (other JVM)", "body bytes/event",
                "header bytes/event", "requests", "peak heap MiB", "dropped");
        for (AppenderCase appenderCase : new AppenderCase[] {AppenderCase.MIXLOG_LOGBACK, AppenderCase.MIXLOG_LOGBACK_SPOOL,
                AppenderCase.LOKI4J}) {
            ResultFile r = results.endToEnd(appenderCase);
            table.row(appenderCase.label(), Numbers.count(r.number("arrived")), Numbers.fixed(r.number("seconds"), 2),
                    Numbers.count(r.number("eventsPerSecond")), Numbers.fixed(r.number("processCpuSecondsPerMillion"), 2),
                    Numbers.fixed(r.number("loggingThreadCpuSecondsPerMillion"), 2),
                    Numbers.fixed(r.number("gcCpuSecondsPerMillion"), 2), Numbers.fixed(r.number("jitCpuSecondsPerMillion"), 2),
                    Numbers.fixed(r.number("receiverCpuSecondsPerMillion"), 2),
                    Numbers.fixed(r.number("bodyBytesPerEvent"), 1), Numbers.fixed(r.number("headerBytesPerEvent"), 2),
                    Numbers.count(r.number("requests")), Numbers.mebibytes(r.number("peakHeapBytes")),
                    r.has("mixlogDropped") ? Numbers.count(r.number("mixlogDropped"))
                            : Numbers.count(r.number("events") - r.number("arrived")));
        }
        table.appendTo(out);
    }

    private void idle(ResultFile env) {
        out.append("## 4. Idle cost\n\n")
                .append("After 10 events were delivered, nothing is logged for ").append(env.get("idleSeconds"))
                .append(" s. Appender threads: `mixlog-*` threads ")
                .append("(ThreadMXBean CPU time). Process: every thread, GC and JIT included.\n\n");
        MarkdownTable table = new MarkdownTable("appender", "appender threads: ms CPU", "% of one core",
                "process: ms CPU", "process: % of one core");
        for (AppenderCase appenderCase : new AppenderCase[] {AppenderCase.MIXLOG_LOGBACK, AppenderCase.MIXLOG_LOG4J2}) {
            ResultFile r = results.idle(appenderCase);
            table.row(appenderCase.label(), Numbers.fixed(r.number("appenderThreadsCpuNanos") / 1e6, 2),
                    Numbers.fixed(r.number("appenderThreadsCorePercent"), 3),
                    Numbers.fixed(r.number("processCpuNanos") / 1e6, 1), Numbers.fixed(r.number("processCorePercent"), 2));
        }
        table.appendTo(out);
    }

    private void outage(ResultFile env) {
        ResultFile spooled = results.outage(AppenderCase.MIXLOG_LOGBACK_SPOOL);
        out.append("## 5. A long outage, with and without a spool\n\n")
                .append("After a ").append("5 s warm-up with the endpoint up, the endpoint answers 503 for ")
                .append(spooled.get("outageSeconds")).append(" s while one thread logs ")
                .append(Numbers.count(spooled.number("rate"))).append(" calls/s, then comes back. Latency: each call ")
                .append("during the outage. Recovery: from the endpoint's return until every event was delivered or ")
                .append("dropped (senders may be in a backoff pause of up to `retryMaxBackoff`, 60 s, when it returns). ")
                .append("One JVM per case, its receiver inside it.\n\n");
        MarkdownTable table = new MarkdownTable("appender", "calls in the outage", "p50 µs", "p99 µs", "p99.9 µs",
                "max µs", "dropped (ring full / spool full)", "delivered after", "most in the ring", "spool at most",
                "recovery s");
        for (AppenderCase appenderCase : new AppenderCase[] {AppenderCase.MIXLOG_LOGBACK, AppenderCase.MIXLOG_LOGBACK_SPOOL}) {
            ResultFile r = results.outage(appenderCase);
            table.row(appenderCase.label(), Numbers.count(r.number("outageCalls")), Numbers.micros(r.number("p50Nanos")),
                    Numbers.micros(r.number("p99Nanos")), Numbers.micros(r.number("p999Nanos")),
                    Numbers.micros(r.number("maxNanos")),
                    Numbers.count(r.number("droppedTotal")) + " (" + Numbers.count(r.number("droppedRingFull")) + " / "
                            + Numbers.count(r.number("droppedSpoolFull")) + ")",
                    Numbers.count(r.number("delivered")), Numbers.count(r.number("mostInRing")),
                    Numbers.fixed(r.number("mostSpooledBytes") / (1024 * 1024), 1) + " MiB", Numbers.fixed(r.number("recoverySeconds"), 1));
        }
        table.appendTo(out);
    }

    private void background(ResultFile env) {
        String[] windows = env.get("backgroundWindows").split(",");
        out.append("## 6. The work behind the call\n\n")
                .append("After a warm-up of ").append(env.get("backgroundWarmupCalls")).append(" calls, one thread makes ")
                .append("the same call at a steady rate; at the end of each window (").append(windows[0]).append(" s and ")
                .append(windows[1]).append(" s after the warm-up) the CPU spent since the warm-up is ")
                .append("divided by the calls made: the appender's threads (every Java thread but the caller) and the ")
                .append("rest of the process (JIT compiler and GC threads, the VM). JIT: the compiler's milliseconds in ")
                .append("the window. B/event: the bytes the appender's threads allocate per event. ")
                .append("The warm-up and both windows are one loop of calls, read between two calls without leaving ")
                .append("it: a compiled loop that returns is compiled again when it starts anew, and that compilation ")
                .append("of the benchmark's own loop (with the logging call inlined) would land in the window. ")
                .append("One JVM per appender, rate and run; each appender ran ")
                .append(results.backgroundRuns()).append(" times at each rate, its runs spread over the step. For each ")
                .append("window the table shows the run whose total is the median (all figures of that one run), and ")
                .append("the totals of every run in the last column.\n\n");
        MarkdownTable table = new MarkdownTable("appender", "calls/s", "appender threads µs/event (" + windows[0] + " s / "
                + windows[1] + " s)", "rest of process µs/event", "total µs/event", "JIT ms",
                "appender threads B/event",
                "every run's total µs/event (" + windows[0] + " s; " + windows[1] + " s)");
        for (int rate : results.backgroundRates()) {
            for (AppenderCase appenderCase : AppenderCase.values()) {
                if (appenderCase.isFloor()) {
                    continue;
                }
                ResultFile r = results.background(appenderCase, rate);
                table.row(appenderCase.label(), Numbers.count(rate),
                        pair(r, "appenderThreadsNanosPerEvent"), pair(r, "restNanosPerEvent"),
                        pair(r, "totalNanosPerEvent"),
                        Numbers.fixed(r.number(Results.BACKGROUND_WINDOWS[0] + ".jitMillis"), 0) + " / "
                                + Numbers.fixed(r.number(Results.BACKGROUND_WINDOWS[1] + ".jitMillis"), 0),
                        Numbers.fixed(r.number(Results.BACKGROUND_WINDOWS[0] + ".appenderThreadsBytesPerEvent"), 0) + " / "
                                + Numbers.fixed(r.number(Results.BACKGROUND_WINDOWS[1] + ".appenderThreadsBytesPerEvent"), 0),
                        runTotals(r));
            }
        }
        table.appendTo(out);
    }

    /** Section 7: the same pipeline on Mixlog's own client and on the JDK's two, from the runs of section 6, and what each client supports. */
    private void httpClients() {
        out.append("## 7. Mixlog's HTTP client and the JDK's\n\n")
                .append("Mixlog posts with a small HTTP/1.1 client of its own. The same pipeline (batches, gzip at the ")
                .append("fastest level, retries) was run with its client replaced, through the delivery seam, by the JDK's ")
                .append("`HttpClient` (HTTP/1.1, one client for the senders) and by `HttpURLConnection` (with its keep-alive ")
                .append("cache), in the runs of section 6 and measured the same way:\n\n");
        MarkdownTable figures = new MarkdownTable("client", "calls/s", "appender threads µs/event (10 s / 40 s)",
                "total µs/event (10 s / 40 s)", "appender threads B/event (10 s / 40 s)");
        for (int rate : results.backgroundRates()) {
            for (AppenderCase appenderCase : HTTP_CLIENT_CASES) {
                ResultFile r = results.background(appenderCase, rate);
                figures.row(appenderCase.label(), Numbers.count(rate), pair(r, "appenderThreadsNanosPerEvent"),
                        pair(r, "totalNanosPerEvent"),
                        Numbers.fixed(r.number(Results.BACKGROUND_WINDOWS[0] + ".appenderThreadsBytesPerEvent"), 0) + " / "
                                + Numbers.fixed(r.number(Results.BACKGROUND_WINDOWS[1] + ".appenderThreadsBytesPerEvent"), 0));
            }
        }
        figures.appendTo(out);
        out.append("What each supports:\n\n");
        new MarkdownTable("", "Mixlog's client", "HttpURLConnection", "JDK HttpClient")
                .row("the JVM's proxies (`ProxySelector`)", "yes", "yes", "yes")
                .row("Basic credentials for an `https` proxy (`CONNECT`)", "yes, from the `proxy` setting",
                        "only through a JVM-wide `Authenticator`, and the JDK disables Basic for tunnels by default "
                                + "(`jdk.http.auth.tunneling.disabledSchemes`)", "as `HttpURLConnection`")
                .row("TLS with SNI and host-name verification", "yes (the JVM's `SSLContext`)", "yes", "yes")
                .row("HTTP/2", "no", "no", "yes")
                .row("a stuck exchange ended from another thread", "yes, at the exchange bound, on every JDK from 11 "
                        + "(the socket is closed)", "only its timeouts (`disconnect()` from another thread is not specified to unblock it)", "from JDK 16 (cancel or interrupt)")
                .row("threads of its own", "none: each exchange runs on a sender thread",
                        "a keep-alive timer thread", "a selector thread per client")
                .row("reply bodies", "at most 64 KiB kept, the connection closed past it", "as much as the caller reads",
                        "as much as the body handler keeps")
                .appendTo(out);
        out.append(HttpClientChoice.TEXT);
    }

    /** Mixlog's Logback appender on its own client, then on the JDK's two. */
    private static final AppenderCase[] HTTP_CLIENT_CASES = {AppenderCase.MIXLOG_LOGBACK,
            AppenderCase.MIXLOG_LOGBACK_JDK_HTTPCLIENT, AppenderCase.MIXLOG_LOGBACK_URLCONNECTION};

    private static String runTotals(ResultFile r) {
        String first = r.get(Results.BACKGROUND_WINDOWS[0] + ".runTotals");
        String second = r.get(Results.BACKGROUND_WINDOWS[1] + ".runTotals");
        return first == null || second == null ? Numbers.MISSING : first + "; " + second;
    }

    private static String pair(ResultFile r, String key) {
        return Numbers.micros(r.number(Results.BACKGROUND_WINDOWS[0] + "." + key)) + " / "
                + Numbers.micros(r.number(Results.BACKGROUND_WINDOWS[1] + "." + key));
    }
}
