package dev.mixlog.benchmarks.fleet;

import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.ProjectBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fleet of N services sharing one project's rate limit: a loopback Mixpanel enforcing a scaled-down
 * budget ({@link ProjectBudget}: a token bucket holding one second, 429 without {@code Retry-After}
 * past it), and N services logging together {@code factor} times the budget for a while, each
 * stopping once its events are settled. Writes what {@link FleetFigures} makes of the server's
 * record of every request.
 *
 * <p>The services are Logback contexts in this one JVM, each with Mixlog's appender as a service
 * configures it: its own ring, consumer, senders, connections and rate, sharing nothing with the
 * others but the loopback project. Sixty-four JVMs on a two-core machine would measure the machine's
 * scheduler and the JVMs' start-up instead.
 *
 * <p>Usage: {@code FleetRun <rate-control|per-batch> <services> <out.properties> [budget events/s]
 * [offered, times the budget] [seconds of logging]}
 */
public final class FleetRun {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the services get to settle after the logging ends, as each one's {@code shutdownTimeout}. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(150);

    private FleetRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FleetRun <rate-control|per-batch> <services> <out.properties> [budget] [factor] [seconds]");
            System.exit(2);
        }
        boolean rateControl = args[0].equals("rate-control");
        int count = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        double budget = args.length > 3 ? Double.parseDouble(args[3]) : 2500;
        double factor = args.length > 4 ? Double.parseDouble(args[4]) : 1.5;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;

        ProjectBudget project = ProjectBudget.of(budget);
        try (LoopbackMixpanel server = LoopbackMixpanel.start()) {
            server.answerWith(project);
            List<FleetService> services = new ArrayList<>();
            for (int id = 0; id < count; id++) {
                services.add(new FleetService(id, server.url(), rateControl));
            }
            double perService = budget * factor / count;
            long perServiceTotal = Math.round(perService * seconds);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long nextSample = start;
            for (long now = start; now - end < 0; now = System.nanoTime()) {
                long due = Math.min(perServiceTotal, (long) (perService * (now - start) / 1e9));
                for (FleetService service : services) {
                    while (service.logged() < due) {
                        service.logOne();
                    }
                }
                if (now - nextSample >= 0) {
                    services.forEach(FleetService::sample);
                    nextSample += TimeUnit.MILLISECONDS.toNanos(100);
                }
                LockSupport.parkNanos(TICK_NANOS);
            }
            for (FleetService service : services) {
                while (service.logged() < perServiceTotal) {
                    service.logOne();
                }
            }
            long settleBy = System.nanoTime() + SETTLE_NANOS;
            while (!services.stream().allMatch(FleetService::settled) && System.nanoTime() - settleBy < 0) {
                services.forEach(FleetService::sample);
                TimeUnit.MILLISECONDS.sleep(100);
            }
            long settled = System.nanoTime();
            services.forEach(FleetService::stop);

            ResultFile result = new ResultFile()
                    .put("mode", rateControl ? "rate-control" : "per-batch")
                    .put("services", count)
                    .put("budget", budget)
                    .put("factor", factor)
                    .put("seconds", seconds)
                    .put("settleSeconds", (settled - start) / 1e9);
            FleetFigures.of(start, budget, services, server.requests(), server.ingestedCount(), server.duplicatesIngested())
                    .into(result);
            result.write(out);
            System.out.println(out.getFileName() + ": " + result.get("summary"));
        }
    }
}
