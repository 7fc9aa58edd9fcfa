package dev.mixlog.core;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Selection;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.BackgroundStops;
import dev.mixlog.core.internal.LifecycleReports;
import dev.mixlog.core.internal.MixlogThread;
import dev.mixlog.core.internal.Pipeline;
import dev.mixlog.core.internal.ShutdownHook;
import dev.mixlog.core.internal.Waiting;
import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.core.internal.config.ProxySetting;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import dev.mixlog.core.internal.delivery.Destination;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.JmxRegistration;
import dev.mixlog.core.internal.diag.SafeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One appender's delivery to Mixpanel, independent of any logging framework. The appender hands
 * every log event to {@link #append}, on the application thread, which never blocks (unless
 * {@code overflowPolicy=block}), never does I/O and never throws; Mixlog's own threads map, serialize,
 * batch and send. {@link #flush(Duration)} and {@link #stop(Duration)} deliver what is buffered. The
 * core keeps counting after it stops: events still handed to it are counted as not delivered before
 * shutdown, and its {@link #stats()} stay readable.
 *
 * @param <E> the framework's log event
 * @param <S> what the ring holds (see {@link LogEventReader})
 */
public final class MixlogCore<E, S> {
    /**
     * Told of each record Mixpanel refused (a strict {@code /import} reply's {@code failed_records}, a
     * batch refused whole, an event too large to send), on a sender thread, for a source that keeps
     * its records (the Kafka Connect sink sends them to its dead-letter queue). Quick, and never
     * blocking; what it throws is reported once.
     */
    public interface RefusedRecords {
        /**
         * @param tag the tag the record was appended with ({@link MixlogCore#append(Object, Object)})
         * @param reason why it was refused, as Mixpanel said
         */
        void refused(Object tag, String reason);
    }

    private final MixlogConfig config;
    private final LogEventReader<E, S> reader;
    private final boolean selectsAll;
    private final Counters stats = new Counters();
    /** This core as a replacement of the network sees it (held here, so it lives as long as the core). */
    private final DeliverySeam.Core seen = new DeliverySeam.Core() {
        @Override
        public MixlogStats stats() {
            return stats;
        }

        @Override
        public boolean flush(Duration timeout) {
            if (!takesEvents()) {
                // a stopping core delivers what it holds as it stops: wait for that
                return Boolean.TRUE.equals(Waiting.resultWithin(stopped, timeout.toNanos()));
            }
            return MixlogCore.this.flush(timeout);
        }

        @Override
        public boolean takesEvents() {
            return !stopRequested && !stopping.get();
        }
    };
    private final SafeStatus status;
    private final boolean enabled;
    /** The delivery machinery; {@code null} when disabled for want of credentials, and once stopped. */
    private volatile Pipeline<S> pipeline;
    private final ShutdownHook shutdownHook;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Set as a stop in the background is asked for, before {@link #stopping} (set when that stop begins). */
    private volatile boolean stopRequested;
    /** Makes a recording pipeline's start and the stop's take-over of the pipeline exclusive. */
    private final Object pipelineLock = new Object();
    /** Completes with {@link #stop}'s result once the core has stopped, whoever stopped it. */
    private final CompletableFuture<Boolean> stopped = new CompletableFuture<>();
    private JmxRegistration jmx;
    /** Told of refused records; {@code null} when nobody listens. */
    private final BiConsumer<Object, String> refusals;

    private MixlogCore(MixlogConfig config, LogEventReader<E, S> reader, StatusSink sink, RefusedRecords refused) {
        this.config = config;
        this.reader = reader;
        this.selectsAll = config.selection() == Selection.ALL;
        this.status = new SafeStatus(sink, secretsOf(config), config.name());
        String missingTransport = DeliverySeam.missingTransport(config);
        if (missingTransport != null) {
            status.error(missingTransport);
        }
        this.enabled = config.missingCredentials().isEmpty() && missingTransport == null;
        this.refusals = refused == null ? null : refused::refused;
        this.pipeline = enabled ? new Pipeline<>(config, reader, stats, status, DeliverySeam.destinationOf(config, stats), refusals) : null;
        this.shutdownHook = enabled && config.shutdownHook() ? new ShutdownHook(config.name(), this::stop) : null;
    }

    /** What no status line may show: the credentials, and the proxy's. */
    private static List<String> secretsOf(MixlogConfig config) {
        List<String> secrets = new ArrayList<>(Credentials.of(config).secrets());
        secrets.addAll(ProxySetting.of(config.get(Settings.PROXY)).secrets());
        return secrets;
    }

    /**
     * Starts a core: its consumer thread, and the JVM shutdown hook unless turned off. Without any
     * credentials (a developer's machine, CI, a test), the core starts disabled instead: it says so
     * once at WARN, naming what to set, starts no thread, and counts every event it refuses as
     * {@link DropReason#DISABLED}.
     *
     * @param sink the framework's status channel; every message passes through secret redaction
     */
    public static <E, S> MixlogCore<E, S> start(MixlogConfig config, LogEventReader<E, S> reader, StatusSink sink) {
        return start(config, reader, sink, null);
    }

    /**
     * As {@link #start(MixlogConfig, LogEventReader, StatusSink)}, telling {@code refused} of each
     * record Mixpanel refuses, with the tag it was appended with.
     */
    public static <E, S> MixlogCore<E, S> start(MixlogConfig config, LogEventReader<E, S> reader, StatusSink sink,
                                                RefusedRecords refused) {
        MixlogCore<E, S> core = new MixlogCore<>(config, reader, sink, refused);
        if (core.pipeline != null) {
            core.pipeline.start();
        }
        if (config.jmx()) {
            core.jmx = JmxRegistration.register(config.name(), core.stats, core.status);
        }
        if (core.shutdownHook != null) {
            core.shutdownHook.register();
        }
        LifecycleReports.announce(config, core.status);
        DeliverySeam.started(core.seen);
        return core;
    }

    /**
     * Takes one log event on the application thread, as the appender received it: selects it
     * ({@code selection}), captures it and puts it in the ring. Never throws, not even what the
     * reader or the event's own methods throw: such an event is dropped and counted as invalid.
     * Returns whether the event went into the ring.
     */
    public boolean append(E event) {
        return append(event, null);
    }

    /**
     * As {@link #append(Object)}, with a tag the event carries to {@link RefusedRecords} should
     * Mixpanel refuse it (a source's own record, say); {@code null} for none.
     */
    public boolean append(E event, Object tag) {
        try {
            if (!selectsAll && !reader.isMarked(event)) {
                return false;
            }
            S captured = reader.capture(event);
            return offer(captured, tag, reader.isBelowWarn(event), reader.estimatedBytes(captured));
        } catch (Throwable e) {
            stats.recordDropped(DropReason.INVALID, 1);
            status.error("could not capture a log event for Mixpanel (dropped, counted as invalid): "
                    + SafeStatus.describe(e));
            return false;
        }
    }

    /**
     * Puts a captured event in the ring; never blocks unless {@code overflowPolicy=block} (then at
     * most {@code blockTimeout}). Returns false when the event was dropped (counted with its reason)
     * or ignored as logged on a delivery thread.
     *
     * @param discardable whether the event may be dropped first when the ring is nearly full ({@code discardThreshold})
     * @param estimatedBytes the event's estimated retained size, for the byte bound on large events
     */
    private boolean offer(S event, Object tag, boolean discardable, long estimatedBytes) {
        Pipeline<S> running = enabled ? pipeline : recordingPipeline();
        if (running == null) {
            stats.recordDropped(enabled ? DropReason.SHUTDOWN : DropReason.DISABLED, 1);
            return false;
        }
        // delivery threads never block either: ignoring their events keeps overflowPolicy=block deadlock-free
        return !running.isDeliveryThread() && running.offer(event, tag != null ? tag : DeliverySeam.tagOfThisThread(), discardable, estimatedBytes);
    }

    /**
     * A core without credentials has no pipeline, but while a replacement of the network is installed
     * ({@link DeliverySeam}) it starts one at its first event, whose batches go to the replacement
     * alone; {@code null} otherwise, and once stopping.
     */
    private Pipeline<S> recordingPipeline() {
        if (!DeliverySeam.replaced()) {
            return null;
        }
        Pipeline<S> running = pipeline;
        if (running != null || stopping.get()) {
            return running;
        }
        synchronized (pipelineLock) {
            if (pipeline == null && !stopping.get()) {
                Destination destination = DeliverySeam.destinationOf(config, stats);
                if (destination != null) {
                    Pipeline<S> started = new Pipeline<>(config, reader, stats, status, destination, refusals);
                    started.start();
                    pipeline = started;
                }
            }
            return pipeline;
        }
    }

    /**
     * Whether the calling thread works for this pipeline: one of Mixlog's own threads, which also make
     * its HTTP exchanges. Whatever is logged on these threads (by Mixlog, Jackson or the JDK while
     * delivering) is ignored, so nothing feeds back into the ring.
     */
    public boolean isDeliveryThread() {
        Pipeline<S> running = pipeline;
        return running == null ? MixlogThread.isCurrent() : running.isDeliveryThread();
    }

    /**
     * Delivers what is buffered now without stopping, for a serverless function, a job that ends
     * without stopping logging, or a test: returns true once every event logged before the call is
     * settled (delivered, or refused by Mixpanel), false when the time runs out first (nothing is
     * dropped for that: delivery goes on). Returns true at once when disabled (unless recording for a
     * test); false once stopped.
     */
    public boolean flush(Duration timeout) {
        Pipeline<S> running = pipeline;
        if (running == null) {
            // disabled (and not recording): nothing is ever buffered; stopped: nothing more will be delivered
            return !enabled;
        }
        return !stopping.get() && running.flush(timeout);
    }

    /** The live counters, readable after the core has stopped. */
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
     *         false when events were dropped for lack of time, kept in the spool for the next start, or
     *         when the other stop did not end in time
     */
    public boolean stop(Duration timeout) {
        // a stop from an interrupted thread (code that caught InterruptedException, then shut logging down)
        // still gets its time: the interrupt is set aside and restored
        boolean interrupted = Thread.interrupted();
        try {
            if (!stopping.compareAndSet(false, true)) {
                return Boolean.TRUE.equals(Waiting.resultWithin(stopped, timeout.toNanos()));
            }
            boolean settled = false;
            try {
                settled = stopNow(timeout);
            } finally {
                stopped.complete(settled);
            }
            return settled;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
        stopRequested = true;
        if (!stopping.get()) {
            BackgroundStops.start(config.name(), acceptFor, this::stop, stopped);
        }
        return stopped.copy();
    }

    /**
     * Waits until every stop started by {@link #stopInBackground(Duration)} in this JVM has ended, up to the
     * timeout; returns whether they all ended in time.
     */
    public static boolean awaitBackgroundStops(Duration timeout) {
        return BackgroundStops.awaitAll(timeout);
    }

    private boolean stopNow(Duration timeout) {
        long droppedBefore = stats.dropped(DropReason.SHUTDOWN);
        long keptBefore = stats.keptInSpool();
        Duration budget = timeout.compareTo(config.shutdownTimeout()) < 0 ? timeout : config.shutdownTimeout();
        long deadline = System.nanoTime() + budget.toNanos();
        long forceAt = deadline - Math.min(TimeUnit.MILLISECONDS.toNanos(250), budget.toNanos() / 10);
        Pipeline<S> running;
        synchronized (pipelineLock) {
            // exclusive with a recording pipeline's start, which checks stopping first
            running = pipeline;
        }
        if (running != null) {
            running.stop(forceAt, deadline);
            // the stopped core keeps its counters, not the delivery machinery and the HTTP client
            pipeline = null;
        }
        DeliverySeam.stopped(seen);
        if (shutdownHook != null) {
            shutdownHook.remove();
        }
        if (jmx != null) {
            jmx.unregister();
        }
        LifecycleReports.stopped(config, stats, status);
        return stats.dropped(DropReason.SHUTDOWN) == droppedBefore && stats.keptInSpool() == keptBefore;
    }
}
