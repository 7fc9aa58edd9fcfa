package dev.mixlog.benchmarks.report;

import dev.mixlog.benchmarks.support.ResultFile;

/** Section 8: a fleet of services sharing one project's rate limit, with rate control and without. */
final class FleetSection {
    /** The fleet sizes run, as {@code run.sh} runs them. */
    static final int[] SIZES = {4, 16, 64};
    static final String[] MODES = {"rate-control", "per-batch"};

    private FleetSection() {
    }

    static void appendTo(StringBuilder out, Results results) {
        ResultFile any = results.fleet(MODES[0], SIZES[0]);
        out.append("## 8. A fleet sharing one project's limit\n\n")
                .append("N services log together ").append(Numbers.fixed(any.number("factor"), 1))
                .append(" times a project's budget for ").append(Numbers.count(any.number("seconds")))
                .append(" s, against a loopback Mixpanel that enforces a budget of ").append(Numbers.count(any.number("budget")))
                .append(" events/s as a token bucket holding one second (429 without `Retry-After` when a request finds too ")
                .append("few tokens), then each stops once its events are settled (`shutdownTimeout` 150 s). The budget is ")
                .append("Mixpanel's 30,000 events/s scaled down, and the batch alike (200 events instead of 2,000). ")
                .append("*Rate control* is Mixlog's default (`rateControl=true`); *per batch* is the behaviour without it ")
                .append("(`rateControl=false`: each 429 pauses the appender for the refused batch's 2 s to 60 s backoff). ")
                .append("The services are Logback contexts in one JVM, each with its own appender, ring, threads and ")
                .append("connections (64 JVMs on two cores would measure the scheduler). Budget use: events accepted per ")
                .append("second from the first 429 to the last accepted request, over the budget. Fairness: Jain's index ")
                .append("of the events each service got accepted while all of them still had events waiting (1: equal). ")
                .append("Each configuration runs once per run; from one run to the next, budget use moved by up to 15 points ")
                .append("and the share refused by about 3 in this session's runs.\n\n");
        MarkdownTable table = new MarkdownTable("services", "sending", "delivered / logged (duplicates)", "budget use while saturated",
                "requests refused (in the first 5 s)", "fairness", "last event accepted at (ideal)", "ring high-water (events)");
        for (int size : SIZES) {
            for (String mode : MODES) {
                ResultFile r = results.fleet(mode, size);
                table.row(Integer.toString(size), mode.equals(MODES[0]) ? "rate control" : "per batch",
                        Numbers.count(r.number("delivered")) + " / " + Numbers.count(r.number("logged")) + " ("
                                + Numbers.count(r.number("duplicatesIngested")) + ")",
                        percent(r.number("budgetUse")),
                        percent(r.number("refusedShare")) + " of " + Numbers.count(r.number("requests")) + " ("
                                + Numbers.count(r.number("refusedLearning")) + ")",
                        Numbers.fixed(r.number("fairness"), 3),
                        Numbers.fixed(r.number("lastAcceptedSeconds"), 1) + " s (" + Numbers.fixed(r.number("idealSeconds"), 1) + " s)",
                        Numbers.count(r.number("ringHighWater")));
            }
        }
        table.appendTo(out);
        out.append("![Events accepted per second by the budget, per fleet size, with rate control and per batch](fleet.png)\n\n")
                .append("Run alone: `benchmarks/run.sh` step 7 (`BENCH_STEPS=7 benchmarks/run.sh`); the plot is ")
                .append("`benchmarks/fleet.png`, drawn from the same result files.\n\n");
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? Numbers.MISSING : Numbers.fixed(100 * share, 1) + "%";
    }
}
