package dev.mixlog.core.internal.delivery;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How fast this appender sends, in events per second, learned from Mixpanel's answers. Every
 * instance of a fleet shares one project's limit and none knows the others, so each finds its share
 * alone:
 * <ul>
 *   <li>unlimited until Mixpanel first asks to slow down (429, 502, 503);</li>
 *   <li>asked to slow down, the rate drops to {@link #DECREASE} of what this appender was sending
 *       (its limit while the limit holds requests back, else the rate of its last few requests), or
 *       by half as much for an instance far behind, once per round: an answer to a request sent
 *       before the last drop does not drop it again;</li>
 *   <li>while limited, a request carries at most a second's worth of events ({@link #eventsPerTurn}),
 *       so that a slow instance gets answers, and probes, as often as a fast one;</li>
 *   <li>each request accepted while the rate holds requests back raises it: below the rate that met
 *       the limit, by {@link #PROBE} of that rate (the drop is made good in some twenty requests);
 *       past it, by {@link #PROBE} of the current rate, doubling every {@link #SPEED_UP_REQUESTS}
 *       requests (at most {@link #MAX_STEP}, and no further than {@link #HEADROOM} times what is
 *       sent), so that room that opens up (the rest of the fleet gone quiet, an outage over) is taken
 *       within some twenty requests;</li>
 *   <li>each raise is weighed by how far behind the appender is ({@link #lagWeight}): the instance
 *       that fell furthest behind probes hardest and takes back its share;</li>
 *   <li>a limit that met no slow-down for {@link #LIFT_AFTER_NANOS} is lifted: whatever set it (an
 *       outage's 503 to a quiet appender, a fleet's busy hour) is over, and a low limit must not hold
 *       the next burst back.</li>
 * </ul>
 * Each request takes its turn ({@link #awaitTurn}) before it goes: a request of {@code n} events
 * holds the next one back by {@code n / rate} seconds. Thread-safe; its methods are called once per
 * request. {@code benchmarks/RESULTS.md} has what a fleet of 4 to 64 instances makes of it.
 */
final class SendRate {
    /** What a slow-down leaves of the rate (of an instance far behind: up to half as much taken). */
    static final double DECREASE = 0.7;
    /** What each request accepted while limited adds, as a share of a rate (see the class comment). */
    static final double PROBE = 0.015;
    /** Requests accepted past the rate that met the limit over which the probe doubles. */
    static final int SPEED_UP_REQUESTS = 2;
    /** How far above the rate actually sent a raise may take the limit. */
    static final double HEADROOM = 4;
    /** The most one accepted request raises the rate by, as a share of it. */
    static final double MAX_STEP = 0.5;
    /** The least rate a limit goes down to, in events per second. */
    static final double MIN_RATE = 1;
    /** How long a limit lasts without a further slow-down. */
    static final long LIFT_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The requests the sending rate is measured over: whatever their pace, a few make a measure. */
    private static final int MEASURED_REQUESTS = 8;
    /** How long after it held a request back the limit counts as what the appender sends. */
    private static final long BINDING_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** How much of the limit one request carries at most, in seconds of it (see {@link #eventsPerTurn}). */
    static final double TURN_SECONDS = 1;
    /** The bounds of {@link #lagWeight}: the fleet's refusals grow with the weights, its fairness with their spread. */
    static final double MIN_WEIGHT = 0.25;
    static final double MAX_WEIGHT = 2;
    /** Seconds of waiting events, at the current rate, that count as an ordinary lag (see {@link #lagWeight}). */
    static final double ORDINARY_LAG_SECONDS = 2;

    private final boolean adaptive;
    /** Events waiting to be sent (in the ring and in batches under way), for {@link #lagWeight}. */
    private final LongSupplier waiting;
    /** The limit in events per second, or 0 while unlimited. */
    private double limit;
    /** The rate that met the limit: what was sent when the rate last dropped (0 before the first drop). */
    private double metLimitAt;
    /** Requests accepted past {@link #metLimitAt} since the last drop. */
    private int acceptedPast;
    /** When the next request may go (in {@link System#nanoTime()} terms), while limited. */
    private long nextTurn;
    /** When a request was last held back, and when the rate last dropped. */
    private long lastHeldBack;
    private long lastDrop;
    /** Since when the appender has been limited (0 while not), and the time limited before that. */
    private long limitedSince;
    private long limitedNanosBefore;
    /** When the last {@link #MEASURED_REQUESTS} requests took their turn, and their events (a ring, oldest at {@link #next}). */
    private final long[] turns = new long[MEASURED_REQUESTS];
    private final int[] turnEvents = new int[MEASURED_REQUESTS];
    private int next;
    private int measured;

    /** A rate that adapts when {@code adaptive} (otherwise one that only measures), told how many events wait. */
    SendRate(boolean adaptive, LongSupplier waiting) {
        this.adaptive = adaptive;
        this.waiting = waiting;
    }

    /**
     * Waits for this request's turn, then counts its events as sent.
     *
     * @return the nanoseconds waited: time the rate held the request back, which does not count
     *         against a batch's retry budget
     */
    long awaitTurn(int events) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (limit > 0 && now - lastDrop > LIFT_AFTER_NANOS) {
                lift(now);
            }
            if (limit == 0) {
                measure(now, events);
                return 0;
            }
            long turn = nextTurn - now > 0 ? nextTurn : now;
            measure(turn, events);
            wait = turn - now;
            long spacing = (long) (events * 1e9 / limit);
            nextTurn = turn + spacing;
            // held back: by a good part of the time its own events take at the limit, not by a rounding
            if (wait > spacing / 4 || events >= limit * TURN_SECONDS) {
                lastHeldBack = now;
            }
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return wait;
    }

    /**
     * A request was held back by a pause the server asked for ({@code Retry-After}): what the
     * appender sent meanwhile says nothing of its demand, as when the limit holds it back.
     */
    synchronized void heldBack() {
        lastHeldBack = System.nanoTime();
    }

    /**
     * A request sent at {@code sentAt} was accepted (whole or in part). The rate goes up only while it
     * holds requests back: one that no longer does is not raised further for nothing.
     */
    synchronized void accepted(long sentAt) {
        if (limit > 0 && sentAt - lastDrop >= 0 && System.nanoTime() - lastHeldBack < BINDING_NANOS) {
            double weight = lagWeight();
            double raised;
            if (limit < metLimitAt) {
                raised = Math.min(metLimitAt, limit + weight * PROBE * metLimitAt);
            } else {
                double step = weight * PROBE * Math.pow(2, (double) acceptedPast++ / SPEED_UP_REQUESTS);
                raised = limit + limit * Math.min(MAX_STEP, step);
            }
            // no further than HEADROOM times what is sent: a limit far above it would let a burst through at once
            limit = Math.max(limit, Math.min(raised, HEADROOM * measuredRate(System.nanoTime())));
        }
    }

    /**
     * How hard to probe: the square root of the seconds of waiting events at the current rate, over
     * {@link #ORDINARY_LAG_SECONDS}, from {@link #MIN_WEIGHT} to {@link #MAX_WEIGHT}. The instance of a fleet that fell furthest
     * behind probes hardest and takes back its share; one that keeps up leaves the room to the others.
     */
    private double lagWeight() {
        double lagSeconds = waiting.getAsLong() / Math.max(limit, MIN_RATE);
        return Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, Math.sqrt(lagSeconds / ORDINARY_LAG_SECONDS)));
    }

    /** Mixpanel asked a request sent at {@code sentAt} to slow down (429, 502, 503). */
    synchronized void slowDown(long sentAt) {
        // before the first drop metLimitAt is 0 (after it, at least MIN_RATE)
        if (!adaptive || (metLimitAt > 0 && sentAt - lastDrop < 0)) {
            return;
        }
        long now = System.nanoTime();
        double sending = measuredRate(now);
        double from;
        if (limit == 0) {
            from = sending;
            limitedSince = now;
            nextTurn = now;
        } else {
            // a limit that holds requests back is what is sent; one that does not is above the demand
            from = now - lastHeldBack < BINDING_NANOS ? limit : Math.min(limit, sending);
        }
        metLimitAt = Math.max(MIN_RATE, from);
        // an instance far behind gives up less of its rate, one that keeps up more: the fleet's rates come together
        limit = metLimitAt * (1 - (1 - DECREASE) / Math.max(1, lagWeight()));
        acceptedPast = 0;
        lastDrop = now;
        lastHeldBack = now;
    }

    private void lift(long now) {
        limitedNanosBefore += now - limitedSince;
        limitedSince = 0;
        limit = 0;
    }

    /**
     * The most events one request carries: while limited, a second's worth at the limit (a request
     * a second, so that a slow instance probes as often as a fast one and a refusal holds back one
     * second of its events, not a minute); otherwise no bound but the batch's.
     */
    synchronized int eventsPerTurn() {
        return limit == 0 ? Integer.MAX_VALUE : (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit * TURN_SECONDS));
    }

    /** The limit in events per second, or 0 while the appender sends unlimited. */
    synchronized double limit() {
        return limit;
    }

    /** Events sent per second lately (over the last few requests). */
    synchronized double sendingRate() {
        return measuredRate(System.nanoTime());
    }

    /** Time spent under a limit, the current one included. */
    synchronized long limitedNanos() {
        return limitedNanosBefore + (limit > 0 ? System.nanoTime() - limitedSince : 0);
    }

    private void measure(long now, int events) {
        turns[next] = now;
        turnEvents[next] = events;
        next = (next + 1) % MEASURED_REQUESTS;
        measured = Math.min(measured + 1, MEASURED_REQUESTS);
    }

    /**
     * The events of the last requests but the newest over the time from the oldest one's turn to the
     * newest one's (or to now, when later): on the low side after a pause.
     */
    private double measuredRate(long now) {
        if (measured < 2) {
            return measured == 0 ? 0 : turnEvents[0] * 1e9 / Math.max(now - turns[0], TimeUnit.MILLISECONDS.toNanos(1));
        }
        int oldest = measured < MEASURED_REQUESTS ? 0 : next;
        int newest = (next + MEASURED_REQUESTS - 1) % MEASURED_REQUESTS;
        long events = 0;
        for (int i = 0; i < measured; i++) {
            events += turnEvents[i];
        }
        events -= turnEvents[newest];
        long end = now - turns[newest] > 0 ? now : turns[newest];
        return events * 1e9 / Math.max(end - turns[oldest], TimeUnit.MILLISECONDS.toNanos(1));
    }
}
