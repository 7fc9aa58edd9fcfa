package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.Cancellation;
import dev.mixlog.core.internal.http.FailedRecord;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.http.Verdict;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import dev.mixlog.core.internal.spool.SpooledRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One batch's journey on a sender thread: send, read the verdict, retry or split as it says. Every
 * event of the batch is counted once, through {@link #delivered} and {@link #dropped} (or, for a
 * spooled batch cut short by a stop, {@link #keptInSpool}); should anything escape, the events not
 * yet counted are dropped as {@link DropReason#FAILED} and the sender goes on. A spooled batch is
 * read back from disk here, on the sender, and its file removed once the batch is settled.
 */
final class Delivery implements Runnable {
    /** Longest server-requested delay honoured; a longer {@code Retry-After} is cut to this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final Dispatcher owner;
    private final Route route;
    /** The batch; for a spooled one, {@code null} until read back. */
    private Batch batch;
    /** The batches' files in the spool, or {@code null} when the batch is sent from memory alone. */
    final SpooledRequest spooled;
    /** Completes when the delivery ends, whatever the outcome (for a spooled batch: its own completion). */
    final CompletableFuture<Void> settled;
    /** The events counted so far; written by the sender alone, read by others for an estimate. */
    private volatile int counted;
    /** Whether the spool file is done with here: kept for the next start, or dealt with while reading it. */
    private boolean fileDone;
    /** The current exchange, when it must end (0 between exchanges), and whether it was cut for going on too long. */
    private Cancellation exchange;
    private long exchangeDeadline;
    private boolean cut;
    /** Whether the senders are being stopped: the current exchange is cancelled, and any later one as it starts. */
    private boolean stopped;

    Delivery(Dispatcher owner, Route route, Batch batch) {
        this.owner = owner;
        this.route = route;
        this.batch = batch;
        this.spooled = null;
        this.settled = new CompletableFuture<>();
    }

    Delivery(Dispatcher owner, Route route, SpooledRequest spooled) {
        this.owner = owner;
        this.route = route;
        this.spooled = spooled;
        this.settled = spooled.settled();
    }

    @Override
    public void run() {
        try {
            if (batch == null) {
                batch = readBack();
                if (batch == null) {
                    // nothing in the file could be read (counted and dealt with by the spool), or a stop came first
                    fileDone = true;
                    return;
                }
            }
            deliver(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            dropped(DropReason.FAILED, events() - counted);
            owner.reports.unexpected(route, SafeStatus.describe(e));
        } finally {
            if (spooled != null && !fileDone) {
                owner.spool.remove(spooled);
            }
            owner.finished(this);
        }
    }

    /**
     * Reads the spooled batch back, trying again with backoff while the file is there but cannot be
     * read now (no file handle left); {@code null} when nothing in it can be read, or when a stop
     * comes first (its events then kept in the spool).
     */
    private Batch readBack() throws InterruptedException {
        Backoff backoff = new Backoff(owner.config.retryInitialBackoff(), owner.config.retryMaxBackoff());
        while (true) {
            try {
                return owner.spool.load(spooled);
            } catch (IOException notNow) {
                try {
                    TimeUnit.NANOSECONDS.sleep(backoff.next().toNanos());
                } catch (InterruptedException e) {
                    if (owner.isShuttingDown()) {
                        // members the spool dealt with are counted there already
                        stoppedShort(events());
                        throw e;
                    }
                }
            }
        }
    }

    /** The events of this delivery not counted yet (an estimate when read from another thread). */
    int eventsLeft() {
        Batch current = batch;
        return Math.max(0, (current != null ? current.size() : spooled.eventsNotDealtWith()) - counted);
    }

    /** The events this delivery answers for. */
    private int events() {
        return batch != null ? batch.size() : spooled.eventsNotDealtWith();
    }

    /** The senders stopped before this delivery ran: its events are dropped, or kept in the spool, and it is settled. */
    void neverRun() {
        stoppedShort(events());
        owner.finished(this);
    }

    /**
     * Cancels the current exchange if it is past the bound. Exclusive with the start and end of an
     * exchange, so the next exchange of the same delivery is never cut for this one.
     */
    synchronized void cutIfOverdue(long nowNanos) {
        if (exchangeDeadline != 0 && nowNanos - exchangeDeadline > 0) {
            exchangeDeadline = 0;
            cut = true;
            exchange.cancel();
        }
    }

    /**
     * The senders are being stopped (and interrupted): the current exchange ends now, and one that
     * starts later (a split batch's second half) is cancelled as it starts.
     */
    synchronized void stopExchange() {
        stopped = true;
        if (exchange != null) {
            exchange.cancel();
        }
    }

    private synchronized boolean stopped() {
        return stopped;
    }

    /** Sends once, within the exchange bound (see {@link #cutIfOverdue}). */
    private Verdict exchange(Outlet.Request request) throws IOException {
        Cancellation cancellation = new Cancellation();
        synchronized (this) {
            cut = false;
            exchange = cancellation;
            exchangeDeadline = System.nanoTime() + owner.outlet.exchangeBound().toNanos();
            if (stopped) {
                cancellation.cancel();
            }
        }
        try {
            return request.send(cancellation);
        } finally {
            synchronized (this) {
                exchangeDeadline = 0;
                exchange = null;
            }
        }
    }

    private void delivered(int events) {
        counted += events;
        owner.stats.recordDelivered(events);
    }

    private void dropped(DropReason reason, int events) {
        counted += events;
        owner.stats.recordDropped(reason, events);
    }

    /**
     * A stop cut the delivery short: the events left are dropped as not delivered before shutdown,
     * or, for a spooled batch, kept in its file for the next start (which resends the whole batch;
     * Mixpanel drops what it already has by {@code $insert_id}).
     */
    private void stoppedShort(int events) {
        if (spooled == null) {
            dropped(DropReason.SHUTDOWN, events);
            return;
        }
        counted += events;
        fileDone = true;
        owner.spool.keep(events);
    }

    /**
     * Delivers one batch (or, after a 413, one half); counts every event's outcome. While the rate is
     * limited the batch goes as parts of one turn's events, in order, and a refused part goes again
     * cut to the turn of the lowered rate: a part larger than the rate now allows would only be
     * refused again. The events not yet accepted share one retry budget, restarted by each accepted
     * part, and giving up drops them together.
     */
    private void deliver(Batch batch) throws InterruptedException {
        int done = 0;
        Batch part = null;
        Outlet.Request request = null;
        long retryDeadline = System.nanoTime() + owner.config.maxRetryTime().toNanos();
        Backoff backoff = new Backoff(owner.config.retryInitialBackoff(), owner.config.retryMaxBackoff());
        while (true) {
            int turn = owner.rate.eventsPerTurn();
            if (part == null || part.size() > turn) {
                part = done == 0 && batch.size() <= turn ? batch : batch.slice(done, Math.min(batch.size(), done + turn));
                request = null;
            }
            Verdict verdict;
            long sentAt = System.nanoTime();
            try {
                if (request == null) {
                    request = owner.outlet.prepare(route, part);
                }
                // the rate's turn, then the gate, right before the exchange: a pause asked for meanwhile holds this request back
                retryDeadline += owner.rate.awaitTurn(part.size());
                long paused = owner.gate.awaitOpen();
                if (paused > 0) {
                    owner.rate.heldBack();
                }
                retryDeadline += paused;
                sentAt = System.nanoTime();
                verdict = exchange(request);
            } catch (InterruptedException e) {
                if (owner.isShuttingDown()) {
                    stoppedShort(batch.size() - done);
                    throw e;
                }
                verdict = Verdict.retry("interrupted", null, false);
            } catch (Throwable e) {
                if (stopped()) {
                    // the stop ended the exchange (stopExchange)
                    stoppedShort(batch.size() - done);
                    throw new InterruptedException("stopped");
                }
                // a network failure, a cut, or anything else raised while sending or reading: retried as a failed request
                verdict = Verdict.retry(cut ? "no complete reply within " + owner.outlet.exchangeBound() : SafeStatus.describe(e),
                        null, false);
            }
            if (verdict.kind() != Verdict.Kind.RETRY) {
                if (verdict.kind() != Verdict.Kind.NOT_TAKEN) {
                    owner.reports.recovered(route);
                    owner.rate.accepted(sentAt);
                }
                try {
                    settle(part, verdict);
                } catch (InterruptedException e) {
                    // a stop cut the halves of a 413 short: they counted themselves, the parts after them are left
                    stoppedShort(batch.size() - done - part.size());
                    throw e;
                }
                done += part.size();
                if (done == batch.size()) {
                    return;
                }
                part = null;
                retryDeadline = System.nanoTime() + owner.config.maxRetryTime().toNanos();
                backoff = new Backoff(owner.config.retryInitialBackoff(), owner.config.retryMaxBackoff());
                continue;
            }
            Duration asked = askedWait(verdict);
            Duration step = backoff.next();
            Duration wait = step.compareTo(asked) > 0 ? step : asked;
            retryDeadline += asked.toNanos();
            if (verdict.slowDown()) {
                owner.rate.slowDown(sentAt);
            }
            if (pausesEverySender(verdict)) {
                owner.gate.pauseFor(wait);
            }
            if (spooled == null && System.nanoTime() + wait.toNanos() - retryDeadline > 0) {
                Batch left = done == 0 ? batch : batch.slice(done, batch.size());
                owner.reports.gaveUp(route, left, verdict.detail());
                dropped(DropReason.RETRIES_EXHAUSTED, left.size());
                return;
            }
            owner.reports.failing(route, verdict.detail());
            pause(wait, batch.size() - done);
            owner.stats.recordRetry();
        }
    }

    /**
     * The wait the server asked for, which does not count against {@code maxRetryTime}: its
     * {@code Retry-After} (at most {@link #MAX_RETRY_AFTER}), and after a 429 never less than
     * Mixpanel's {@link MixpanelRules#RATE_LIMIT_FLOOR}. The retry waits the longer of this and the
     * next backoff step, so no header makes it shorter than either ({@code Retry-After: 0} included).
     */
    private static Duration askedWait(Verdict verdict) {
        Duration asked = verdict.retryAfter().orElse(Duration.ZERO);
        if (asked.compareTo(MAX_RETRY_AFTER) > 0) {
            asked = MAX_RETRY_AFTER;
        }
        if (verdict.rateLimited() && asked.compareTo(MixpanelRules.RATE_LIMIT_FLOOR) < 0) {
            asked = MixpanelRules.RATE_LIMIT_FLOOR;
        }
        return asked;
    }

    /**
     * Whether a retry's wait holds back every sender: when the server named a time ({@code Retry-After}
     * on a 429), or, without rate control, on every 429. With rate control, the other requests go on
     * at the lowered rate, and only the refused one waits out the backoff.
     */
    private boolean pausesEverySender(Verdict verdict) {
        return verdict.rateLimited() && (verdict.retryAfter().isPresent() || !owner.config.rateControl());
    }

    /** Sleeps before a retry; an interrupt ends the delivery only during shutdown. */
    private void pause(Duration wait, int eventsLeft) throws InterruptedException {
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            if (owner.isShuttingDown()) {
                stoppedShort(eventsLeft);
                throw e;
            }
        }
    }

    /**
     * The events of the batch a strict reply refused: each event once, however many entries name it
     * (one per bad field); entries that name no event of the batch are not counted (the report lists them).
     */
    static int refusedEvents(List<FailedRecord> failed, int batchSize) {
        BitSet refused = new BitSet(batchSize);
        for (FailedRecord record : failed) {
            if (record.matched() && record.index() < batchSize) {
                refused.set(record.index());
            }
        }
        return refused.cardinality();
    }

    /** Delivers the halves of a batch one after the other; a stop keeps (or drops) the half not reached. */
    private void deliverHalves(Batch[] parts) throws InterruptedException {
        for (int i = 0; i < parts.length; i++) {
            try {
                deliver(parts[i]);
            } catch (InterruptedException e) {
                int left = 0;
                for (int later = i + 1; later < parts.length; later++) {
                    left += parts[later].size();
                }
                stoppedShort(left);
                throw e;
            }
        }
    }

    private void settle(Batch part, Verdict verdict) throws InterruptedException {
        switch (verdict.kind()) {
            case DELIVERED:
                delivered(part.size());
                return;
            case PARTIAL:
                // reported before it is counted: whoever waits for the counts finds the report there
                int refused = refusedEvents(verdict.failed(), part.size());
                owner.reports.partlyRefused(route, part, refused, verdict.failed());
                delivered(part.size() - refused);
                dropped(DropReason.REJECTED, refused);
                return;
            case TOO_LARGE:
                if (part.size() == 1) {
                    owner.reports.tooLarge(part, verdict.detail());
                    dropped(DropReason.TOO_LARGE, 1);
                    return;
                }
                deliverHalves(part.halves());
                return;
            case NOT_TAKEN:
                dropped(DropReason.DISABLED, part.size());
                return;
            case AUTH_FAILED:
                owner.reports.credentialsRefused(route, verdict.detail());
                dropped(DropReason.REJECTED, part.size());
                return;
            case PROXY_AUTH_FAILED:
                owner.reports.proxyRefused(route, verdict.detail());
                dropped(DropReason.REJECTED, part.size());
                return;
            default:
                owner.reports.refused(route, part, verdict.detail());
                dropped(DropReason.REJECTED, part.size());
        }
    }
}
