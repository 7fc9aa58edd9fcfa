package dev.mixlog.core;

import dev.mixlog.core.capture.Intake;
import dev.mixlog.core.config.Credentials;
import dev.mixlog.core.config.Defaults;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.OverflowPolicy;
import dev.mixlog.core.delivery.DaemonThreads;
import dev.mixlog.core.delivery.Dispatcher;
import dev.mixlog.core.delivery.MixlogThread;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.JmxRegistration;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.SafeStatus;
import dev.mixlog.core.diag.StatusSink;
import dev.mixlog.core.http.MixpanelTransport;
import dev.mixlog.core.mapping.LogEventReader;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The running delivery pipeline of one appender: a ring buffer fed by application threads, one
 * consumer thread that maps, sanitizes, serializes and batches, and sender threads that post to
 * Mixpanel with retries. Appenders call {@link #capture(Object)} on the application thread, which
 * never blocks, never does I/O and never throws.
 *
 * @param <S> what the appender captures (its framework's event, or a snapshot of it)
 */
public final class MixlogCore<S> {
    private final MixlogConfig config;
    private final MixlogStats stats = new MixlogStats();
    private final SafeStatus status;
    private final Intake intake;
    private final Dispatcher dispatcher;
    private final MixpanelTransport transport;
    private final ExecutorService httpExecutor;
    private final ConsumerLoop<S> loop;
    private final ConsumerThread consumer;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final long blockNanos;
    private JmxRegistration jmx;

    /** How long a blocked application thread parks between two tries for a free slot. */
    private static final long BLOCK_PARK_NANOS = 50_000;

    private MixlogCore(MixlogConfig config, LogEventReader<S> reader, StatusSink sink) {
        this.config = config;
        Credentials credentials = config.credentials();
        this.status = new SafeStatus(sink, credentials.secrets(), config.name());
        this.intake = new Intake(config.ringBufferSize(), config.discardThreshold(), Defaults.LARGE_EVENT_BYTES,
                config.maxBufferBytes());
        this.httpExecutor = Executors.newCachedThreadPool(new DaemonThreads(config.name(), "http"));
        this.transport = new MixpanelTransport(config.connectTimeout(), config.requestTimeout(),
                "https".equalsIgnoreCase(config.baseUrl().getScheme()), httpExecutor);
        this.dispatcher = new Dispatcher(config, transport, stats, status);
        this.loop = new ConsumerLoop<>(config, intake, reader, dispatcher, stats, status);
        this.consumer = new ConsumerThread(loop, new DaemonThreads(config.name(), "consumer"), intake, status);
        this.stats.gauges(intake::backlog, intake::bufferedBytes);
        this.blockNanos = config.overflowPolicy() == OverflowPolicy.BLOCK ? config.blockTimeout().toNanos() : 0;
        this.shutdownHook = config.shutdownHook()
                ? new DaemonThreads(config.name(), "shutdown").newThread(this::stop) : null;
    }

    /**
     * Starts a pipeline: its consumer thread, and the JVM shutdown hook unless disabled.
     *
     * @param sink the framework's status channel; every message passes through secret redaction
     */
    public static <S> MixlogCore<S> start(MixlogConfig config, LogEventReader<S> reader, StatusSink sink) {
        MixlogCore<S> core = new MixlogCore<>(config, reader, sink);
        core.consumer.start();
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
        if (config.credentials().importAuth() == Credentials.ImportAuth.API_SECRET
                && config.endpoint() == dev.mixlog.core.config.Endpoint.IMPORT) {
            status.warn("apiSecret authentication is deprecated and retired by Mixpanel on 2027-03-03; "
                    + "use serviceAccountUsername, serviceAccountSecret and projectId");
        }
        status.info("sending events to " + config.baseUrl() + " (" + config.endpoint().path() + ", "
                + config.credentials().importAuth().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " authentication)");
    }

    /**
     * Takes one log event on the application thread: never throws, and never blocks unless
     * {@code overflowPolicy=block} (then at most {@code blockTimeout}). Returns false when the event
     * was dropped (the drop is counted with its reason) or ignored as logged on a delivery thread
     * ({@link #isDeliveryThread()}).
     */
    public boolean capture(S event) {
        return capture(event, false, 0);
    }

    /**
     * Takes one log event, as {@link #capture(Object)}.
     *
     * @param discardable whether the event is below WARN, and so may be dropped first when the ring is
     *                    nearly full ({@code discardThreshold})
     * @param estimatedBytes the event's estimated retained size, for the byte bound on large events
     */
    public boolean capture(S event, boolean discardable, long estimatedBytes) {
        if (isDeliveryThread()) {
            // delivery threads never block either: returning here is what keeps overflowPolicy=block deadlock-free
            return false;
        }
        consumer.checkAlive();
        Intake.Refusal refusal = intake.offer(event, discardable, estimatedBytes);
        if ((refusal == Intake.Refusal.FULL || refusal == Intake.Refusal.OVER_BYTES) && blockNanos > 0) {
            refusal = waitForRoom(event, discardable, estimatedBytes);
        }
        switch (refusal) {
            case NONE:
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
        return MixlogThread.isCurrent() || transport.isSelectorThread(Thread.currentThread());
    }

    private Intake.Refusal waitForRoom(S event, boolean discardable, long estimatedBytes) {
        long deadline = System.nanoTime() + blockNanos;
        Intake.Refusal refusal = Intake.Refusal.FULL;
        intake.wakeConsumer();
        while ((refusal == Intake.Refusal.FULL || refusal == Intake.Refusal.OVER_BYTES)
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(BLOCK_PARK_NANOS);
            refusal = intake.offer(event, discardable, estimatedBytes);
        }
        return refusal;
    }

    /** The live counters. */
    public MixlogStats stats() {
        return stats;
    }

    public MixlogConfig config() {
        return config;
    }

    public boolean isRunning() {
        return !stopped.get();
    }

    /**
     * Stops intake and delivers what is buffered within {@code shutdownTimeout}; what cannot be
     * delivered in time is counted and reported. No Mixlog thread is left running. Idempotent.
     */
    public void stop() {
        stop(config.shutdownTimeout());
    }

    /**
     * As {@link #stop()}, within the shorter of {@code timeout} and {@code shutdownTimeout} (a
     * framework that stops appenders with its own timeout passes it here).
     *
     * @return true when everything buffered was settled (delivered, or refused by Mixpanel) in time;
     *         false when events were dropped for lack of time, or when already stopped
     */
    public boolean stop(Duration timeout) {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        long droppedBefore = stats.dropped(DropReason.SHUTDOWN);
        Duration budget = timeout.compareTo(config.shutdownTimeout()) < 0 ? timeout : config.shutdownTimeout();
        long deadline = System.nanoTime() + budget.toNanos();
        long forceAt = deadline - Math.min(TimeUnit.MILLISECONDS.toNanos(250), budget.toNanos() / 10);
        intake.close();
        loop.requestStop();
        intake.wakeConsumer();
        joinConsumer(forceAt);
        long leftInRing = intake.backlog();
        if (leftInRing > 0) {
            stats.recordDropped(DropReason.SHUTDOWN, leftInRing);
        }
        dispatcher.shutdown(forceAt);
        httpExecutor.shutdownNow();
        removeShutdownHook();
        if (jmx != null) {
            jmx.unregister();
        }
        summarize();
        return stats.dropped(DropReason.SHUTDOWN) == droppedBefore;
    }

    private void joinConsumer(long forceAt) {
        try {
            consumer.join(forceAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            status.warn(summary + "; " + undelivered + " events were not delivered before shutdownTimeout ("
                    + config.shutdownTimeout() + ")");
        } else {
            status.info(summary);
        }
    }
}
