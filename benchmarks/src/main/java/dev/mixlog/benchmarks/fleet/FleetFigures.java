package dev.mixlog.benchmarks.fleet;

import dev.mixlog.benchmarks.support.ResultFile;
import dev.mixlog.loopback.Request;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What a fleet run achieved, from the server's record of every request:
 * <ul>
 *   <li>saturated: from the first 429 to the last accepted request, while events waited;</li>
 *   <li>budget use: events accepted while saturated over what the budget allowed in that time;</li>
 *   <li>refused: requests answered 429 over all requests;</li>
 *   <li>fairness: Jain's index of the events each service got accepted from the first 429 until the
 *       first service had all of its events accepted (while every service still had events waiting);
 *       1 when all got the same, 1/N when one got everything;</li>
 *   <li>accepted events per second over the run, for the plot.</li>
 * </ul>
 */
final class FleetFigures {
    private final ResultFile values = new ResultFile();

    private FleetFigures() {
    }

    static FleetFigures of(long start, double budget, List<FleetService> services, List<Request> requests,
                           long ingested, long duplicates) {
        FleetFigures figures = new FleetFigures();
        int count = services.size();
        long logged = 0;
        long delivered = 0;
        long dropped = 0;
        long ringHighWater = 0;
        for (FleetService service : services) {
            logged += service.logged();
            delivered += service.stats().delivered();
            dropped += service.stats().droppedTotal();
            ringHighWater = Math.max(ringHighWater, service.ringHighWater());
        }
        long firstRefused = Long.MAX_VALUE;
        long lastAccepted = start;
        int refused = 0;
        for (Request request : requests) {
            if (request.status() == 429) {
                refused++;
                firstRefused = Math.min(firstRefused, request.arrivedNanos());
            } else if (request.accepted()) {
                lastAccepted = Math.max(lastAccepted, request.arrivedNanos());
            }
        }
        // when each service had all its events accepted
        long[] acceptedSoFar = new long[count];
        long firstDone = Long.MAX_VALUE;
        int seconds = (int) Math.ceil((lastAccepted - start) / 1e9) + 1;
        long[] perSecond = new long[seconds];
        long acceptedSaturated = 0;
        for (Request request : requests) {
            if (!request.accepted() || request.records().isEmpty()) {
                continue;
            }
            int service = request.records().get(0).path("properties").path("service").asInt();
            int events = request.records().size();
            acceptedSoFar[service] += events;
            if (acceptedSoFar[service] >= services.get(service).logged()) {
                firstDone = Math.min(firstDone, request.arrivedNanos());
            }
            perSecond[(int) ((request.arrivedNanos() - start) / 1_000_000_000L)] += events;
            if (request.arrivedNanos() - firstRefused >= 0) {
                acceptedSaturated += events;
            }
        }
        double[] shares = new double[count];
        for (Request request : requests) {
            if (request.accepted() && !request.records().isEmpty() && request.arrivedNanos() - firstRefused >= 0
                    && request.arrivedNanos() - firstDone <= 0) {
                shares[request.records().get(0).path("properties").path("service").asInt()] += request.records().size();
            }
        }
        // refusals while the fleet learns the limit (the first five seconds after the first 429), and after
        int refusedLearning = 0;
        StringBuilder refusedTimeline = new StringBuilder();
        long[] refusedPerSecond = new long[seconds + 1];
        for (Request request : requests) {
            if (request.status() == 429) {
                if (request.arrivedNanos() - firstRefused < 5_000_000_000L) {
                    refusedLearning++;
                }
                refusedPerSecond[(int) Math.min(seconds, (request.arrivedNanos() - start) / 1_000_000_000L)]++;
            }
        }
        for (long value : refusedPerSecond) {
            refusedTimeline.append(refusedTimeline.length() == 0 ? "" : ",").append(value);
        }
        double saturatedSeconds = firstRefused == Long.MAX_VALUE ? 0 : (lastAccepted - firstRefused) / 1e9;
        double budgetUse = saturatedSeconds > 0 ? acceptedSaturated / (budget * saturatedSeconds) : Double.NaN;
        double refusedShare = requests.isEmpty() ? 0 : (double) refused / requests.size();
        double fairness = jain(shares);
        StringJoiner timeline = new StringJoiner(",");
        for (long events : perSecond) {
            timeline.add(Long.toString(events));
        }
        figures.values.put("logged", logged)
                .put("delivered", delivered)
                .put("dropped", dropped)
                .put("ingested", ingested)
                .put("duplicatesIngested", duplicates)
                .put("requests", requests.size())
                .put("refused", refused)
                .put("refusedShare", refusedShare)
                .put("refusedLearning", refusedLearning)
                .put("refusedTimeline", refusedTimeline.toString())
                .put("firstRefusedSeconds", firstRefused == Long.MAX_VALUE ? Double.NaN : (firstRefused - start) / 1e9)
                .put("lastAcceptedSeconds", (lastAccepted - start) / 1e9)
                .put("idealSeconds", Math.max(0, logged / budget - 1))
                .put("saturatedSeconds", saturatedSeconds)
                .put("budgetUse", budgetUse)
                .put("fairness", fairness)
                .put("fairnessSeconds", firstDone == Long.MAX_VALUE || firstRefused == Long.MAX_VALUE ? 0
                        : Math.max(0, (firstDone - firstRefused) / 1e9))
                .put("ringHighWater", ringHighWater)
                .put("timeline", timeline.toString());
        figures.values.put("summary", String.format(Locale.ROOT,
                "%d services: delivered %d of %d (ingested %d, duplicates %d, dropped %d), last accepted at %.1f s (ideal %.1f s), "
                        + "budget use %.0f%% over %.1f s saturated, %d of %d requests refused (%.1f%%), fairness %.3f, ring high-water %d",
                count, delivered, logged, ingested, duplicates, dropped, (lastAccepted - start) / 1e9, Math.max(0, logged / budget - 1),
                100 * budgetUse, saturatedSeconds, refused, requests.size(), 100 * refusedShare, fairness, ringHighWater));
        return figures;
    }

    /** Jain's fairness index: (sum x)^2 / (n * sum x^2). */
    static double jain(double[] shares) {
        double sum = 0;
        double squares = 0;
        for (double share : shares) {
            sum += share;
            squares += share * share;
        }
        return squares == 0 ? Double.NaN : sum * sum / (shares.length * squares);
    }

    void into(ResultFile result) {
        for (String key : values.keys()) {
            result.put(key, values.get(key));
        }
    }
}
