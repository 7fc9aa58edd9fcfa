package dev.mixlog.examples;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.examples.receiver.ReceiverStats;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link DemoSummary} for a person to read. */
final class SummaryReport {
    private final PrintStream out;

    SummaryReport(PrintStream out) {
        this.out = out;
    }

    void print(DemoSummary summary) {
        TrafficTally logged = summary.logged();
        out.println();
        out.println("== Logged by the demo service ==");
        row("simulated users", String.valueOf(logged.users().size()));
        row("product events", logged.events() + "  (log calls with a Mixpanel marker)");
        row("ordinary log lines", logged.ordinaryLines() + "  (no marker: these must not reach Mixpanel)");
        row("logging + flush took", String.format(Locale.ROOT, "%.2f s", summary.elapsed().toMillis() / 1000.0));
        summary.received().ifPresent(received -> printReceived(received, logged));
        printAppender(summary);
        printSample(summary);
        printProblems(summary);
        out.println();
        out.println(verdict(summary));
    }

    private void printReceived(ReceiverStats received, TrafficTally logged) {
        out.println();
        out.println("== Received by the embedded receiver ==");
        row("requests", received.requests() + "  (" + received.refusedRequests() + " refused)");
        row("events imported", received.events() + "  (" + received.rejectedEvents() + " rejected, "
                + received.duplicateInsertIds() + " duplicate $insert_id)");
        row("bytes on the wire", received.wireBytes() + "  (request bodies as sent, gzip)");
        row("bytes uncompressed", received.uncompressedBytes()
                + String.format(Locale.ROOT, "  (compression ratio %.1f : 1)", received.compressionRatio()));
        row("distinct users", String.valueOf(received.distinctUsers()));
        out.println("  events by name:" + (received.eventsByName().isEmpty() ? " none" : ""));
        for (Map.Entry<String, Long> entry : received.eventsByName().entrySet()) {
            long sent = logged.eventsByName().getOrDefault(entry.getKey(), 0L);
            out.printf(Locale.ROOT, "    %-20s %5d%s%n", entry.getKey(), entry.getValue(),
                    sent == entry.getValue() ? "" : "  (logged " + sent + ")");
        }
    }

    private void printAppender(DemoSummary summary) {
        out.println();
        out.println("== Mixpanel appender counters ==");
        if (summary.appenderStats().isEmpty()) {
            out.println("  the appender did not start; see the problems below");
            return;
        }
        MixlogStats stats = summary.appenderStats().get();
        row("captured", String.valueOf(stats.captured()));
        row("delivered", String.valueOf(stats.delivered()));
        row("requests", stats.requests() + "  (" + stats.retried() + " retried)");
        row("bytes sent", String.valueOf(stats.bytesSent()));
        StringBuilder dropped = new StringBuilder(String.valueOf(stats.droppedTotal()));
        for (DropReason reason : DropReason.values()) {
            if (stats.dropped(reason) > 0) {
                dropped.append("  ").append(reason.description()).append(": ").append(stats.dropped(reason));
            }
        }
        row("dropped", dropped.toString());
    }

    private void printSample(DemoSummary summary) {
        summary.received().flatMap(received -> received.sample(ShopTraffic.PURCHASE.getName()).or(received::firstSample))
                .ifPresent(sample -> {
                    out.println();
                    out.println("== A sample event as received ==");
                    out.println(sample);
                });
    }

    private void printProblems(DemoSummary summary) {
        out.println();
        out.println("== Warnings and errors from Logback and Mixlog ==");
        if (summary.problems().isEmpty()) {
            out.println("  none");
        }
        summary.problems().forEach(problem -> out.println("  " + problem));
    }

    private static String verdict(DemoSummary summary) {
        long events = summary.logged().events();
        if (summary.allDelivered()) {
            return summary.local()
                    ? "OK: all " + events + " product events arrived once each; none of the "
                            + summary.logged().ordinaryLines() + " ordinary lines did."
                    : "OK: Mixpanel accepted all " + events + " product events; look for them in your project's Events view.";
        }
        return "NOT OK: " + events + " product events were logged, but not all were delivered; see above.";
    }

    private void row(String label, String value) {
        out.printf(Locale.ROOT, "  %-22s %s%n", label, value);
    }
}
