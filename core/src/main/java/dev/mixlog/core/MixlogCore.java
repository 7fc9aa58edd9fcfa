package dev.mixlog.core;

import dev.mixlog.core.config.Credentials;
import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.delivery.DaemonThreads;
import dev.mixlog.core.delivery.MixlogThread;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.JmxRegistration;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.SafeStatus;
import dev.mixlog.core.diag.StatusSink;
import dev.mixlog.core.mapping.LogEventReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One appender's delivery to Mixpanel: a ring buffer fed by application threads, one consumer
 * thread that maps, sanitizes, serializes and batches, and sender threads that post to Mixpanel with
 * retries (the {@link Pipeline}), with the counters and status reports around it. Appenders call
 * {@link #capture(Object, boolean, long)} on the application thread, which never blocks, never does I/O and never
 * throws; {@link #flush(Duration)} and {@link #stop(Duration)} deliver what is buffered.
 *
 * @param <S> what the appender captures (its framework's event, or a snapshot of it)
 */
public final class MixlogCore<S> {
    private final MixlogConfig config;
    private final MixlogStats stats = new MixlogStats();
    private final SafeStatus status;
    /** The delivery machinery; {@code null} when the core is disabled for want of credentials. */
    private final Pipeline<S> pipeline;
    private final Thread shutdownHook;
    /** Stops begun by {@link #stopInBackground(Duration)} and not yet ended, in this JVM (for this class loader). */
    private static final Set<CompletableFuture<Boolean>> BACKGROUND_STOPS = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Completes with {@link #stop}'s result once the core has stopped, whoever stopped it. */
    private final CompletableFuture<Boolean> stopped = new CompletableFuture<>();
    private JmxRegistration jmx;

    private MixlogCore(MixlogConfig config, LogEventReader<S> reader, StatusSink sink) {
        this.config = config;
        this.status = new SafeStatus(sink, config.credentials().secrets(), config.name());
        boolean enabled = config.credentials().missing().isEmpty();
        this.pipeline = enabled ? new Pipeline<>(config, reader, stats, status) : null;
        this.shutdownHook = enabled && config.shutdownHook()
                ? new DaemonThreads(config.name(), "shutdown").newThread(this::stop) : null;
    }

    /**
     * Starts a core: its consumer thread, and the JVM shutdown hook unless turned off. Without any
     * credentials (a developer's machine, CI, a test), the core starts disabled instead: it says so
     * once at WARN, naming what to set, starts no thread, and counts every event it refuses as
     * {@link DropReason#DISABLED}.
     *
     * @param sink the framework's status channel; every message passes through secret redaction
     */
    public static <S> MixlogCore<S> start(MixlogConfig config, LogEventReader<S> reader, StatusSink sink) {
        MixlogCore<S> core = new MixlogCore<>(config, reader, sink);
        if (core.pipeline != null) {
            core.pipeline.start();
        }
        if (config.jmx()) {
            core.jmx = JmxRegistration.register(config.name(), core.stats, core.status);
        }
        if (core.shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(core.shutdownHook);
        }
        core.announce();
        return core;
    }

    private void announce() {
        Credentials credentials = config.credentials();
        if (credentials.missing().isPresent()) {
            status.warn("disabled, nothing is sent: " + credentials.missing().get()
                    + ". Events are counted as dropped (" + DropReason.DISABLED.description() + ").");
            return;
        }
        if (credentials.importAuth() == Credentials.ImportAuth.API_SECRET && config.endpoint() == Endpoint.IMPORT) {
            status.warn("apiSecret authentication is deprecated and retired by Mixpanel on 2027-03-03; "
                    + "use serviceAccountUsername, serviceAccountSecret and projectId");
        }
        status.info("sending events to " + config.baseUrl() + " (" + config.endpoint().path() + ", "
                + credentials.importAuth().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " authentication)");
    }

    /**
     * Takes one log event on the application thread: never throws, and never blocks unless
     * {@code overflowPolicy=block} (then at most {@code blockTimeout}). Returns false when the event
     * was dropped (the drop is counted with its reason) or ignored as logged on a delivery thread
     * ({@link #isDeliveryThread()}).
     *
     * @param discardable whether the event is below WARN, and so may be dropped first when the ring is
     *                    nearly full ({@code discardThreshold})
     * @param estimatedBytes the event's estimated retained size, for the byte bound on large events
     */
    public boolean capture(S event, boolean discardable, long estimatedBytes) {
        if (pipeline == null) {
            stats.recordDropped(DropReason.DISABLED, 1);
            return false;
        }
        if (pipeline.isDeliveryThread()) {
            // delivery threads never block either: returning here is what keeps overflowPolicy=block deadlock-free
            return false;
        }
        switch (pipeline.offer(event, discardable, estimatedBytes)) {
            case ACCEPTED:
                return true;
            case CLOSED:
                stats.recordDropped(DropReason.SHUTDOWN, 1);
                return false;
            case DISCARDED:
                stats.recordDropped(DropReason.DISCARDED, 1);
                return false;
            default:
                stats.recordDropped(DropReason.RING_FULL, 1);
                return false;
        }
    }

    /**
     * Whether the calling thread works for this pipeline: one of Mixlog's own threads, or the JDK HTTP
     * client's selector thread. {@link #capture} ignores whatever is logged on these threads (by Mixlog,
     * Jackson, the HTTP client or the JDK while delivering), so nothing feeds back into the ring.
     */
    public boolean isDeliveryThread() {
        return pipeline == null ? MixlogThread.isCurrent() : pipeline.isDeliveryThread();
    }

    /**
     * Delivers what is buffered now without stopping, for a serverless function, a job that ends
     * without stopping logging, or a test: returns true once every event logged before the call is
     * settled (delivered, or refused by Mixpanel), false when the time runs out first (nothing is
     * dropped for that: delivery goes on). Returns true at once when disabled; false once stopped.
     */
    public boolean flush(Duration timeout) {
        if (pipeline == null) {
            return true;
        }
        return !stopping.get() && pipeline.flush(timeout);
    }

    /** The live counters. */
    public MixlogStats stats() {
        return stats;
    }

    /**
     * Stops intake and delivers what is buffered within {@code shutdownTimeout}; what cannot be
     * delivered in time is counted and reported. No Mixlog thread is left running. Idempotent.
     */
    public void stop() {
        stop(config.shutdownTimeout());
    }

    /**
     * As {@link #stop()}, within the shorter of {@code timeout} and {@code shutdownTimeout}. When the
     * core is already stopping (in the background, or from another thread such as the JVM shutdown
     * hook), waits for that stop to end, up to {@code timeout}.
     *
     * @return true when everything buffered was settled (delivered, or refused by Mixpanel) in time;
     *         false when events were dropped for lack of time, or when the other stop did not end in time
     */
    public boolean stop(Duration timeout) {
        if (!stopping.compareAndSet(false, true)) {
            return awaitStopped(timeout);
        }
        boolean settled = false;
        try {
            settled = stopNow(timeout);
        } finally {
            stopped.complete(settled);
        }
        return settled;
    }

    /**
     * Stops as {@link #stop()}, on a thread of Mixlog's own, and returns at once. For
     * reconfigurations, which must not hold the reconfiguring thread. Events are still taken for
     * {@code acceptFor} (those a framework hands over before it detaches the appender), then intake
     * closes and what is buffered is delivered within {@code shutdownTimeout}. The stage completes
     * with {@code stop}'s result; {@link #awaitBackgroundStops} waits for every such stop of the JVM
     * (at exit, at the framework's final stop).
     */
    public CompletableFuture<Boolean> stopInBackground(Duration acceptFor) {
        if (stopping.get()) {
            return stopped.copy();
        }
        BACKGROUND_STOPS.add(stopped);
        stopped.whenComplete((settled, failure) -> BACKGROUND_STOPS.remove(stopped));
        Runnable stopLater = () -> {
            try {
                Thread.sleep(acceptFor.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
        };
        try {
            new DaemonThreads(config.name(), "stop").newThread(stopLater).start();
        } catch (Throwable noThread) {
            stop();
        }
        return stopped.copy();
    }

    /**
     * Waits until every stop started by {@link #stopInBackground(Duration)} in this JVM has ended, up to the
     * timeout; returns whether they all ended in time.
     */
    public static boolean awaitBackgroundStops(Duration timeout) {
        CompletableFuture<Void> all = CompletableFuture.allOf(BACKGROUND_STOPS.toArray(new CompletableFuture<?>[0]));
        return all.isDone() || Waiting.resultWithin(all.thenApply(done -> Boolean.TRUE), timeout.toNanos()) != null;
    }

    private boolean awaitStopped(Duration timeout) {
        return Boolean.TRUE.equals(Waiting.resultWithin(stopped, timeout.toNanos()));
    }

    private boolean stopNow(Duration timeout) {
        long droppedBefore = stats.dropped(DropReason.SHUTDOWN);
        Duration budget = timeout.compareTo(config.shutdownTimeout()) < 0 ? timeout : config.shutdownTimeout();
        long deadline = System.nanoTime() + budget.toNanos();
        long forceAt = deadline - Math.min(TimeUnit.MILLISECONDS.toNanos(250), budget.toNanos() / 10);
        if (pipeline != null) {
            pipeline.stop(forceAt);
        }
        removeShutdownHook();
        if (jmx != null) {
            jmx.unregister();
        }
        summarize();
        return stats.dropped(DropReason.SHUTDOWN) == droppedBefore;
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the JVM is exiting; the hook will find the core stopped
        }
    }

    private void summarize() {
        long undelivered = stats.dropped(DropReason.SHUTDOWN);
        String summary = "stopped: " + stats;
        if (undelivered > 0) {
            status.warnLoudly(summary + "; " + undelivered + " events were not delivered before shutdownTimeout ("
                    + config.shutdownTimeout() + ")");
        } else {
            status.info(summary);
        }
    }
}
