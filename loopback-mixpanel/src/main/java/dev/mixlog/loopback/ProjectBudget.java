package dev.mixlog.loopback;

import java.util.function.Function;

/**
 * A project's rate limit, scaled down, as a rule for {@link LoopbackMixpanel#answerWith}: a token
 * bucket that fills at {@code eventsPerSecond} and holds one second of it. A request whose records
 * find enough tokens takes them and is answered as Mixpanel would; one that finds too few takes none
 * and is answered 429 without {@code Retry-After}, as Mixpanel answers past a project's limit. All
 * the clients of one server share the bucket, as the instances of a fleet share one project's limit.
 */
public final class ProjectBudget implements Function<Request, Reply> {
    private double eventsPerSecond;
    private double tokens;
    private long filledAt = System.nanoTime();
    private long refused;
    private long accepted;

    private ProjectBudget(double eventsPerSecond) {
        this.eventsPerSecond = eventsPerSecond;
        this.tokens = eventsPerSecond;
    }

    /** A full bucket of one second at this rate. */
    public static ProjectBudget of(double eventsPerSecond) {
        return new ProjectBudget(eventsPerSecond);
    }

    @Override
    public Reply apply(Request request) {
        int records = request.records().size();
        synchronized (this) {
            fill();
            if (records > tokens) {
                refused++;
                return Reply.json(429, "{\"error\":\"rate limit exceeded\",\"status\":0}");
            }
            tokens -= records;
            accepted += records;
        }
        return Reply.asMixpanelWould(request);
    }

    /** Changes the rate from now on (the bucket then holds one second of the new rate). */
    public synchronized void rate(double newEventsPerSecond) {
        fill();
        eventsPerSecond = newEventsPerSecond;
        tokens = Math.min(tokens, eventsPerSecond);
    }

    /** Requests answered 429 so far. */
    public synchronized long refused() {
        return refused;
    }

    /** Records that found tokens so far. */
    public synchronized long accepted() {
        return accepted;
    }

    private void fill() {
        long now = System.nanoTime();
        tokens = Math.min(eventsPerSecond, tokens + (now - filledAt) / 1e9 * eventsPerSecond);
        filledAt = now;
    }
}
