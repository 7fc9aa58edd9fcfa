package dev.mixlog.examples;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.examples.receiver.ReceiverStats;
import dev.mixlog.examples.receiver.UpdateStats;
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
        out.println("== Logged by the demo service through " + summary.framework().displayName() + " ==");
        row("simulated users", String.valueOf(logged.users().size()));
        row("product events", logged.events() + "  (log calls with a Mixpanel event marker)");
        row("profile updates", logged.profileUpdates() + "  " + logged.profileUpdatesByOperation() + " at sign-up");
        row("group updates", logged.groupUpdates() + "  " + logged.groupUpdatesByOperation() + " on group key '"
                + ShopEvents.COMPANY + "'");
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
        printUpdates("profile updates", received.profileUpdates(), "profiles");
        printUpdates("group updates", received.groupUpdates(), "groups");
        row("bytes on the wire", received.wireBytes() + "  (request bodies as sent: events gzip, updates plain)");
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

    private void printUpdates(String label, UpdateStats updates, String targets) {
        row(label, updates.accepted() + "  " + updates.byOperation() + ", " + updates.distinctTargets() + " " + targets
                + "  (" + updates.rejected() + " rejected, " + updates.duplicates() + " duplicate)");
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
        summary.received().flatMap(received -> received.sample(ShopEvents.PURCHASE).or(received::firstSample))
                .ifPresent(sample -> {
                    out.println();
                    out.println("== A sample event as received ==");
                    out.println(sample);
                });
        summary.received().flatMap(received -> received.profileUpdates().sample()).ifPresent(sample -> {
            out.println();
            out.println("== A sample profile update as received ==");
            out.println(sample);
        });
        summary.received().flatMap(received -> received.groupUpdates().sample()).ifPresent(sample -> {
            out.println();
            out.println("== A sample group update as received ==");
            out.println(sample);
        });
    }

    private void printProblems(DemoSummary summary) {
        out.println();
        out.println("== Warnings and errors from " + summary.framework().displayName() + " and Mixlog ==");
        if (summary.problems().isEmpty()) {
            out.println("  none");
        }
        summary.problems().forEach(problem -> out.println("  " + problem));
    }

    private static String verdict(DemoSummary summary) {
        TrafficTally logged = summary.logged();
        long events = logged.events();
        String updates = logged.profileUpdates() + " profile updates and " + logged.groupUpdates() + " group updates";
        if (summary.allDelivered()) {
            return summary.local()
                    ? "OK: all " + events + " product events arrived once each, as did the " + updates + "; none of the "
                            + logged.ordinaryLines() + " ordinary lines did."
                    : "OK: Mixpanel accepted all " + events + " product events and " + updates
                            + "; look for them in your project's Events and Users views.";
        }
        return "NOT OK: " + events + " product events and " + updates + " were logged, but not all were delivered; see above.";
    }

    private void row(String label, String value) {
        out.printf(Locale.ROOT, "  %-22s %s%n", label, value);
    }
}
