package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.DaemonThreads;
import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.spool.Spool;
import dev.mixlog.core.internal.spool.SpoolOpening;
import dev.mixlog.core.internal.spool.SpooledRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * Delivers sealed batches on a small pool of sender threads, at most {@code maxInFlight} at once, so
 * a slow server pushes back on the consumer instead of piling up requests. Each batch is retried
 * with backoff until it is delivered, refused, or out of retry time; every event ends up counted
 * as delivered or dropped with a reason.
 *
 * <p>With a spool, the consumer writes each sealed batch ahead ({@link #spool}) instead of waiting
 * for a sender; senders take the spooled batches oldest first as places free up ({@link #feed}),
 * so the disk, not the ring, absorbs an outage. A spooled batch is retried until it is settled
 * ({@code maxRetryTime} does not apply: {@code spoolMaxBytes} bounds what waits), and what is not
 * settled at stop stays on disk for the next start.
 */
public final class Dispatcher {
    /** How often the spool is tried again while another appender of this JVM holds its directory. */
    private static final long OPEN_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The least time senders get to end once interrupted and their exchanges closed (they end within milliseconds). */
    private static final long STOPPED_SENDERS_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    final MixlogConfig config;
    final Outlet outlet;
    final Counters stats;
    final DeliveryReports reports;
    /** Shared by all senders: closed while Mixpanel asks for a pause (429). */
    final SendGate gate = new SendGate();
    /** Shared by all senders: how fast they may send, learned from Mixpanel's answers. */
    final SendRate rate;
    private final Semaphore slots;
    private final ThreadPoolExecutor senders;
    /** Batches handed over and not yet settled, for {@link #pending()}. */
    private final Set<Delivery> underWay = ConcurrentHashMap.newKeySet();
    /** The spool, or {@code null} when there is none (or not yet: see {@link #openSpool}). */
    volatile Spool spool;
    /** The spool still to open, or {@code null}; opened by a thread of its own ({@link #openSpool}). */
    private volatile SpoolOpening opening;
    private final DaemonThreads spoolThreads;
    /** The thread that opens the spool, once started. */
    private volatile Thread opener;
    /** Whether the first try to open the spool has ended, opened or not. */
    private volatile boolean firstTryEnded;
    private final Map<RecordKind, Route> routes = new EnumMap<>(RecordKind.class);
    /** Makes moving a spooled batch from the spool's line to {@link #underWay} one step for {@link #pending}. */
    private final Object spoolHandOver = new Object();

    public Dispatcher(MixlogConfig config, Outlet outlet, Counters stats, SafeStatus status,
                      SpoolOpening opening, BiConsumer<Object, String> refusals) {
        this.config = config;
        for (RecordKind kind : RecordKind.values()) {
            routes.put(kind, kind.route(config));
        }
        this.outlet = outlet;
        this.stats = stats;
        this.reports = new DeliveryReports(config, status, stats, refusals);
        this.rate = new SendRate(config.rateControl(), this::waitingEvents);
        stats.rateGauges(rate::sendingRate, rate::limit, () -> TimeUnit.NANOSECONDS.toMillis(rate.limitedNanos()));
        this.slots = new Semaphore(config.maxInFlight());
        this.senders = new ThreadPoolExecutor(config.maxInFlight(), config.maxInFlight(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreads(config.name(), "sender"));
        this.senders.allowCoreThreadTimeOut(true);
        this.spoolThreads = new DaemonThreads(config.name(), "spool");
        this.opening = opening;
    }

    /**
     * Starts opening the spool, if one is configured, on a thread of its own: the start-up scan reads
     * every file's header, which must slow neither the application's start nor the consumer, nor take
     * a sender's place. While another appender of this JVM holds the directory (one that a
     * reconfiguration replaced, still stopping), it tries again every {@link #OPEN_RETRY_NANOS} until
     * the opening gives up. Batches go from memory until the spool is open. A spool that opens as the
     * senders shut down is closed again, what it found kept for the next start.
     */
    public void openSpool() {
        SpoolOpening pending = opening;
        if (pending == null || opener != null) {
            return;
        }
        try {
            Thread thread = spoolThreads.newThread(() -> openUntilDone(pending));
            opener = thread;
            thread.start();
        } catch (RuntimeException | Error noThread) {
            // no thread could be made: no spool, as when the directory cannot be used
            opening = null;
            firstTryEnded = true;
            reports.spoolNotOpened(SafeStatus.describe(noThread));
        }
    }

    private void openUntilDone(SpoolOpening pending) {
        try {
            while (!senders.isShutdown()) {
                Spool opened = pending.tryOpen();
                firstTryEnded = true;
                if (opened != null) {
                    spool = opened;
                    if (senders.isShutdown()) {
                        opened.close();
                    } else {
                        feed();
                    }
                    return;
                }
                if (pending.done()) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(OPEN_RETRY_NANOS);
            }
        } catch (InterruptedException stopping) {
            // the senders shut down while the directory was still held elsewhere in this JVM
        } finally {
            firstTryEnded = true;
            opening = null;
        }
    }

    /** Whether a spool is configured and its first try to open (the start-up scan) is still under way. */
    public boolean spoolFirstOpening() {
        return opening != null && !firstTryEnded;
    }

    /** Whether the spool is open: a batch can be written ahead instead of waiting for a sender. */
    public boolean hasSpool() {
        return spool != null;
    }

    /**
     * Hands a batch to a sender if one of the {@code maxInFlight} places frees up within the wait.
     *
     * @return false when no place came free in time; the batch is then not taken
     * @throws InterruptedException when interrupted while waiting; the batch is then not taken
     */
    public boolean offer(Route route, Batch batch, long waitNanos) throws InterruptedException {
        if (!slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        Delivery delivery = new Delivery(this, route, batch);
        underWay.add(delivery);
        try {
            senders.execute(delivery);
        } catch (RejectedExecutionException rejected) {
            finished(delivery);
            stats.recordDropped(DropReason.SHUTDOWN, batch.size());
        } catch (Throwable failed) {
            // no sender thread could be made (OutOfMemoryError: unable to create native thread): the caller keeps the batch
            finished(delivery);
            throw failed;
        }
        return true;
    }

    /**
     * Writes a sealed batch ahead to the spool and lines it up for a sender, without waiting.
     *
     * @return false when there is no spool or the batch could not be written, or when it is tagged
     *         for a replacement of the network (a file keeps no tags): offer it from memory instead
     */
    public boolean spool(RecordKind kind, Batch batch) {
        Spool current = spool;
        if (current == null || batch.tagged() || current.write(kind, batch) == null) {
            return false;
        }
        try {
            feed();
        } catch (RuntimeException | Error notNow) {
            // the batch is spooled whatever happened here: the consumer feeds it as it goes round
        }
        return true;
    }

    /**
     * Hands spooled batches, oldest first, to the senders while places are free. Called as each
     * batch is spooled, as the consumer goes round, and by each sender as it finishes.
     */
    public void feed() {
        Spool spool = this.spool;
        while (spool != null && spool.hasWaiting() && !senders.isShutdown() && slots.tryAcquire()) {
            Delivery delivery;
            synchronized (spoolHandOver) {
                SpooledRequest next = spool.take();
                if (next == null) {
                    slots.release();
                    return;
                }
                delivery = new Delivery(this, routes.get(next.kind()), next);
                underWay.add(delivery);
            }
            try {
                senders.execute(delivery);
            } catch (RuntimeException | Error cannotRun) {
                // shutting down, or no thread could be made: the batches wait on disk, first in line
                synchronized (spoolHandOver) {
                    underWay.remove(delivery);
                    spool.putBack(delivery.spooled);
                }
                slots.release();
                return;
            }
        }
    }

    /**
     * Lets batches under way (and, with a spool, those waiting in it) go on until {@code forceAt}, then
     * interrupts what is left and ends its exchanges, waiting for that until the deadline at most.
     * Every event not delivered is counted as dropped for {@link DropReason#SHUTDOWN}, or, when its
     * batch is in the spool, as kept there for the next start.
     */
    public void shutdown(long forceAt, long deadline) {
        awaitOpener(forceAt);
        Spool spool = this.spool;
        if (spool != null) {
            while ((spool.hasWaiting() || !underWay.isEmpty()) && System.nanoTime() - forceAt < 0
                    && !Thread.currentThread().isInterrupted()) {
                feed();
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
        senders.shutdown();
        try {
            if (!senders.awaitTermination(Math.max(0, forceAt - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                stopSenders();
                senders.awaitTermination(Math.max(STOPPED_SENDERS_WAIT_NANOS, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            stopSenders();
            Thread.currentThread().interrupt();
        }
        outlet.close();
        spool = this.spool;
        if (spool != null) {
            spool.close();
        }
    }

    /**
     * Lets a start-up scan under way end (its events are then counted, as kept for the next start),
     * until {@code forceAt}; a scan that ends later closes the spool itself. A retry wait ends at once.
     */
    private void awaitOpener(long forceAt) {
        Thread thread = opener;
        if (thread == null) {
            return;
        }
        if (firstTryEnded) {
            thread.interrupt();
        }
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(forceAt - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Interrupts the senders and ends their exchanges (socket I/O ignores interrupts); each delivery
     * that never ran counts its events as dropped, or kept in the spool.
     */
    private void stopSenders() {
        List<Runnable> neverRun = senders.shutdownNow();
        for (Delivery delivery : underWay) {
            delivery.stopExchange();
        }
        for (Runnable task : neverRun) {
            if (task instanceof Delivery) {
                ((Delivery) task).neverRun();
            }
        }
    }

    /**
     * Cancels each exchange that has gone on longer than the outlet's bound (a reply whose body
     * stalls after its headers, a server that reads nothing): the exchange is abandoned and retried. Called by the
     * consumer thread as it goes round, so no thread of its own watches the exchanges.
     */
    public void cutOverdueExchanges(long nowNanos) {
        for (Delivery delivery : underWay) {
            delivery.cutIfOverdue(nowNanos);
        }
    }

    /**
     * The completions of the batches handed over and not yet settled, spooled ones waiting for a
     * sender included (each completes whatever the outcome).
     */
    public List<CompletableFuture<Void>> pending() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        synchronized (spoolHandOver) {
            for (Delivery delivery : underWay) {
                pending.add(delivery.settled);
            }
            Spool current = spool;
            if (current != null) {
                pending.addAll(current.waitingSettlements());
            }
        }
        return pending;
    }

    /** Events waiting to be sent: in the ring, and in the batches under way not yet settled (an estimate). */
    private long waitingEvents() {
        long waiting = stats.ringBacklog();
        for (Delivery delivery : underWay) {
            waiting += delivery.eventsLeft();
        }
        return waiting;
    }

    /** Whether the senders are shutting down: an interrupt then ends a delivery instead of being retried. */
    boolean isShuttingDown() {
        return senders.isShutdown();
    }

    /** Frees a delivery's place, tells whoever waits for it, and gives the place to the next spooled batch. */
    void finished(Delivery delivery) {
        slots.release();
        underWay.remove(delivery);
        delivery.settled.complete(null);
        feed();
    }
}
