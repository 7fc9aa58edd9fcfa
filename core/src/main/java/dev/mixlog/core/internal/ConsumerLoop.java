package dev.mixlog.core.internal;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.batch.Batcher;
import dev.mixlog.core.internal.capture.Intake;
import dev.mixlog.core.internal.delivery.Dispatcher;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.DiagnosticsReporter;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.Route;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer thread's loop: take what the ring holds ({@link Records} turns each log event into
 * Mixpanel JSON and batches it per destination), hand due batches to the dispatcher; when there is nothing to do, park
 * ({@link #parkNanos}). On stop, drain and flush everything.
 */
final class ConsumerLoop<S> implements Runnable {
    /**
     * The park while no batch is open: a first event waits this long at most before its batch's
     * flush interval starts. An idle loop wakes 10 times a second.
     */
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest park while a batch is open; bounds how late diagnostics and overdue exchanges are seen to. */
    static final long LONGEST_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long sealed batches wait at start for the spool's first opening (its scan of what a previous
     * run left), so that they are written ahead instead of sent from memory; the ring holds events meanwhile.
     */
    private static final long SPOOL_OPENING_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long SPOOL_OPENING_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long a flush or a stop waits, with nothing to take, for a producer that claimed a slot to publish it. */
    private static final long PUBLISH_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Intake<S> intake;
    /** Takes, maps, serializes and batches; sealed batches wait there until the ring's slots are released. */
    private final Records<S> records;
    private final Dispatcher dispatcher;
    private final Counters stats;
    private final ConsumerWarnings warnings;
    private final DiagnosticsReporter reporter;
    /** Flushes asked for by callers of {@code flush}, served between two drains. */
    private final Queue<FlushRequest> flushes = new ConcurrentLinkedQueue<>();
    /** Which events the consumer counts itself, and which the stop counts (see {@link ConsumerLedger}). */
    private final ConsumerLedger ledger = new ConsumerLedger();
    private volatile boolean stopping;
    /** When the wait for the spool's first opening ends; 0 before the first wait. */
    private long spoolOpeningWaitEnd;

    /** @param token the project token the records carry where Mixpanel asks for one, or {@code null} */
    ConsumerLoop(MixlogConfig config, Intake<S> intake, LogEventReader<?, S> reader, Dispatcher dispatcher,
                 Counters stats, StatusSink status, String token) {
        long reportIntervalNanos = config.reportInterval().toNanos();
        this.intake = intake;
        this.warnings = new ConsumerWarnings(status, reportIntervalNanos);
        this.records = new Records<>(config, token, intake, reader, stats, status, warnings, ledger);
        this.dispatcher = dispatcher;
        this.stats = stats;
        this.reporter = new DiagnosticsReporter(stats, status, reportIntervalNanos);
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                int taken = records.takeChunk();
                long now = System.nanoTime();
                records.sealDue(now);
                handOverSealed();
                if (!flushes.isEmpty()) {
                    serveFlushes();
                }
                watch(now);
                if (taken == 0 && !stopping) {
                    LockSupport.parkNanos(this, parkNanos(now));
                    // a stray interrupt would keep park from parking: only a stop's interrupt counts
                    if (Thread.interrupted() && stopping) {
                        Thread.currentThread().interrupt();
                    }
                }
            } catch (Throwable unexpected) {
                survive(unexpected);
            }
        }
        finish();
    }

    /**
     * How long to park with nothing to take: until the open batch is due, since events that arrive
     * meanwhile join it all the same and a producer wakes the loop before the ring's slots or bytes run
     * short ({@link Intake}), so one wake takes a whole batch (at 2,000 events a second, one wake a second instead of ten: each
     * costs tens of microseconds of scheduling on a virtual machine, and code run seldom runs
     * slower); with no batch open, {@link #IDLE_PARK_NANOS}.
     */
    private long parkNanos(long now) {
        long untilDue = records.nanosUntilDue(now);
        return untilDue == Long.MAX_VALUE ? IDLE_PARK_NANOS : Math.max(1, Math.min(LONGEST_PARK_NANOS, untilDue));
    }

    /**
     * Keeps the loop alive after a failure outside any one event (an {@code Error} while batching,
     * handing over or reporting): reports it, rate-limited, and pauses briefly so that a failure that
     * repeats cannot spin. An interrupt that is not a stop is cleared: only {@link #requestStop} ends the loop.
     */
    private void survive(Throwable unexpected) {
        warnings.warn("the consumer thread caught " + SafeStatus.describe(unexpected) + "; it goes on");
        if (!stopping) {
            Thread.interrupted();
            LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        }
    }

    /**
     * What the loop looks after as it goes round, whether or not events arrive: status reports,
     * overdue exchanges, a spool still to open, spooled batches waiting for a free sender.
     */
    private void watch(long now) {
        reporter.tick(now);
        dispatcher.cutOverdueExchanges(now);
        dispatcher.feed();
    }

    /** Asks the loop to deliver what is buffered now (the caller wakes the consumer). */
    void requestFlush(FlushRequest request) {
        flushes.add(request);
    }

    /**
     * Takes every event logged before each pending request, seals every open batch, hands all over,
     * and answers with the batches under way.
     */
    private void serveFlushes() {
        for (FlushRequest request = flushes.poll(); request != null; request = flushes.poll()) {
            takeUpTo(request.target());
            sealAndHandOverAll();
            request.handedOver().complete(dispatcher.pending());
        }
    }

    /**
     * Takes events until the one at {@code target} is taken, handing sealed batches over as it goes.
     * A slot claimed but not yet published (a producer between the two steps) is waited for up to
     * {@link #PUBLISH_GRACE_NANOS} of nothing to take in a row: the time spent mapping and handing
     * over (a spool's sync on a busy disk can take longer than the grace) never counts against it.
     *
     * @return whether the target was reached; false when the grace ran out or the thread was interrupted
     */
    private boolean takeUpTo(long target) {
        long idleSince = 0;
        boolean idle = false;
        while (intake.taken() < target) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            if (records.takeChunk() > 0) {
                idle = false;
                handOverSealed();
                continue;
            }
            long now = System.nanoTime();
            if (!idle) {
                idle = true;
                idleSince = now;
            } else if (now - idleSince >= PUBLISH_GRACE_NANOS) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Seals every open batch and hands every sealed one to the dispatcher. */
    private void sealAndHandOverAll() {
        records.sealAll();
        handOverSealed();
    }

    /**
     * Before the first batch is handed over, lets the spool's first opening end (up to
     * {@link #SPOOL_OPENING_WAIT_NANOS} from the first wait, or a stop's interrupt), so that the
     * batches of an outage at start, or of a job that stops at once, are written ahead like the others.
     */
    private void awaitSpoolOpening() {
        if (!dispatcher.spoolFirstOpening() || !records.anySealed()) {
            return;
        }
        long now = System.nanoTime();
        if (spoolOpeningWaitEnd == 0) {
            spoolOpeningWaitEnd = now + SPOOL_OPENING_WAIT_NANOS;
        }
        // a stop's interrupt ends the wait (and so would a stray one: the batches then go from memory)
        while (dispatcher.spoolFirstOpening() && now - spoolOpeningWaitEnd < 0 && !Thread.currentThread().isInterrupted()) {
            watch(now);
            LockSupport.parkNanos(this, SPOOL_OPENING_PARK_NANOS);
            now = System.nanoTime();
        }
    }

    /** Asks the loop to drain, flush and end. */
    void requestStop() {
        stopping = true;
    }

    /**
     * Drains the ring, seals every open batch and hands all of it to the dispatcher. Should that fail
     * (an {@code Error} from the dispatcher), what is still held is counted as not delivered before shutdown.
     */
    private void finish() {
        if (ledger.closed()) {
            // abandoned by the stop, which counted what this thread held: nothing more to do
            return;
        }
        try {
            // the intake is closed: claims end soon, and each claimed slot is taken or given up on
            long target = intake.claimed();
            while (takeUpTo(target) && intake.claimed() != target) {
                target = intake.claimed();
            }
            sealAndHandOverAll();
            serveFlushes();
        } catch (Throwable failure) {
            records.dropFromNowOn();
            warnings.warn("could not hand the last batches over at stop: " + SafeStatus.describe(failure));
            records.dropHeld();
        }
        reporter.tick(System.nanoTime());
    }

    /**
     * Passes the sealed batches to the dispatcher, each once claimed in the ledger (a batch the stop
     * has counted already, the consumer having been abandoned, is let go).
     */
    private void handOverSealed() {
        awaitSpoolOpening();
        for (RecordKind kind : RecordKind.values()) {
            Batcher batcher = records.batcher(kind);
            for (Batch next = batcher.nextSealed(); next != null; next = batcher.nextSealed()) {
                if (ledger.claim(next.size())) {
                    handOver(kind, records.route(kind), next);
                }
                batcher.takeSealed();
            }
        }
    }

    /**
     * Hands one batch over: written ahead to the spool when there is one, which never waits; otherwise
     * (or when the spool cannot take it) to a sender, reporting diagnostics while waiting for a free
     * place, and to the spool after all should it open meanwhile (it opens off this thread). Counts the
     * batch as not delivered before shutdown when a stop's interrupt ends the wait; any other interrupt
     * is cleared, and a failure to hand over (no sender thread could be made) is reported and tried
     * again. Never throws.
     */
    private void handOver(RecordKind kind, Route route, Batch batch) {
        boolean spoolSeen = false;
        while (!records.dropping()) {
            try {
                if (!spoolSeen && dispatcher.hasSpool()) {
                    spoolSeen = true;
                    if (dispatcher.spool(kind, batch)) {
                        return;
                    }
                }
                if (dispatcher.offer(route, batch, IDLE_PARK_NANOS)) {
                    return;
                }
                watch(System.nanoTime());
            } catch (InterruptedException e) {
                if (stopping) {
                    records.dropFromNowOn();
                    Thread.currentThread().interrupt();
                }
            } catch (Throwable failed) {
                warnings.warn("could not hand a batch over (" + SafeStatus.describe(failed) + "); trying again");
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
        stats.recordDropped(DropReason.SHUTDOWN, batch.size());
    }

    /** Where a consumer that does not end is stuck, for the stop's report. */
    String whereStuck() {
        long onEvent = records.msOnCurrentEvent();
        return onEvent >= 0 ? "turning one log event into a Mixpanel event for " + onEvent + " ms (a logged value's toString() that never returns?)"
                : "handing batches over (a disk or status listener that does not return?)";
    }

    /** Closes the ledger (the consumer has ended, or is abandoned); returns the events the consumer counts itself. */
    long closeLedger() {
        return ledger.close();
    }
}
