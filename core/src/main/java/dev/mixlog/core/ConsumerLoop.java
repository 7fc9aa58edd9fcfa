package dev.mixlog.core;

import dev.mixlog.core.batch.Batch;
import dev.mixlog.core.batch.Batcher;
import dev.mixlog.core.capture.Intake;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.delivery.Dispatcher;
import dev.mixlog.core.diag.DiagnosticsReporter;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.SafeStatus;
import dev.mixlog.core.diag.StatusSink;
import dev.mixlog.core.http.Route;
import dev.mixlog.core.json.ByteSink;
import dev.mixlog.core.json.EventWriter;
import dev.mixlog.core.json.InsertIds;
import dev.mixlog.core.mapping.EventMapper;
import dev.mixlog.core.mapping.LogEventReader;
import dev.mixlog.core.mapping.MappedEvent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer thread's loop: take what the ring holds, turn each log event into Mixpanel JSON,
 * batch it, hand due batches to the dispatcher; when there is nothing to do, park until the open
 * batch is due (or at most {@link #IDLE_PARK_NANOS}). On stop, drain and flush everything.
 */
final class ConsumerLoop<S> implements Runnable {
    /** Longest idle park; bounds how late diagnostics are reported. An idle loop wakes 10 times a second. */
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How long stop waits for a producer that claimed a slot to publish it. */
    private static final long PUBLISH_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Intake intake;
    private final EventMapper<S> mapper;
    private final EventWriter writer;
    private final InsertIds insertIds = new InsertIds();
    private final Batcher batcher;
    private final Dispatcher dispatcher;
    private final Route route;
    private final MixlogStats stats;
    private final StatusSink status;
    private final DiagnosticsReporter reporter;
    private volatile boolean stopping;
    private boolean abandoned;
    private long lastErrorReportNanos = Long.MIN_VALUE / 2;
    private final long reportIntervalNanos;

    ConsumerLoop(MixlogConfig config, Intake intake, LogEventReader<S> reader, Dispatcher dispatcher,
                 MixlogStats stats, StatusSink status) {
        this.intake = intake;
        this.mapper = new EventMapper<>(reader, config);
        this.writer = new EventWriter(config, stats);
        this.dispatcher = dispatcher;
        this.route = Route.events(config);
        this.stats = stats;
        this.status = status;
        this.reportIntervalNanos = config.reportInterval().toNanos();
        this.reporter = new DiagnosticsReporter(stats, status, reportIntervalNanos);
        this.batcher = new Batcher(config.maxBatchEvents(), config.maxBatchBytes(),
                config.flushInterval().toNanos(), this::handOver);
    }

    @Override
    public void run() {
        while (!stopping) {
            int taken = intake.drain(this::process);
            long now = System.nanoTime();
            batcher.flushIfDue(now);
            reporter.tick(now);
            if (taken == 0 && !stopping) {
                LockSupport.parkNanos(this, Math.min(IDLE_PARK_NANOS, Math.max(1, batcher.nanosUntilDue(now))));
            }
        }
        finish();
    }

    /** Asks the loop to drain, flush and end. */
    void requestStop() {
        stopping = true;
    }

    private void finish() {
        long graceEnd = System.nanoTime() + PUBLISH_GRACE_NANOS;
        do {
            intake.drain(this::process);
        } while (intake.backlog() > 0 && System.nanoTime() - graceEnd < 0 && !Thread.currentThread().isInterrupted());
        batcher.flush();
        reporter.tick(System.nanoTime());
    }

    @SuppressWarnings("unchecked")
    private void process(Object captured) {
        stats.recordCaptured(1);
        if (abandoned) {
            stats.recordDropped(DropReason.SHUTDOWN, 1);
            return;
        }
        try {
            MappedEvent event = mapper.map((S) captured);
            String insertId = insertIds.next();
            ByteSink json = writer.write(event, insertId);
            if (json == null || !batcher.add(json.array(), json.size(), event.name(), insertId, System.nanoTime())) {
                stats.recordDropped(DropReason.INVALID, 1);
            }
        } catch (RuntimeException | StackOverflowError e) {
            stats.recordDropped(DropReason.INVALID, 1);
            reportError(e);
        }
    }

    private void handOver(Batch batch) {
        if (abandoned) {
            stats.recordDropped(DropReason.SHUTDOWN, batch.size());
            return;
        }
        try {
            dispatcher.submit(route, batch);
        } catch (InterruptedException e) {
            abandoned = true;
            stats.recordDropped(DropReason.SHUTDOWN, batch.size());
            Thread.currentThread().interrupt();
        }
    }

    private void reportError(Throwable error) {
        long now = System.nanoTime();
        if (now - lastErrorReportNanos >= reportIntervalNanos) {
            lastErrorReportNanos = now;
            status.warn("could not turn a log event into a Mixpanel event (dropped, counted as invalid): "
                    + SafeStatus.describe(error));
        }
    }
}
