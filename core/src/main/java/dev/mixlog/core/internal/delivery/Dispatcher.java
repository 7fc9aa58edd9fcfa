package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.DaemonThreads;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.MixpanelTransport;
import dev.mixlog.core.internal.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers sealed batches on a small pool of sender threads, at most {@code maxInFlight} at once, so
 * a slow server pushes back on the consumer instead of piling up requests. Each batch is retried
 * with backoff until it is delivered, refused, or out of retry time; every event ends up counted
 * as delivered or dropped with a reason.
 */
public final class Dispatcher {
    final MixlogConfig config;
    final MixpanelTransport transport;
    final MixlogStats stats;
    final DeliveryReports reports;
    /** Shared by all senders: closed while Mixpanel asks for a pause (429). */
    final SendGate gate = new SendGate();
    private final Semaphore slots;
    private final ThreadPoolExecutor senders;
    /** Batches handed over and not yet settled, for {@link #pending()}. */
    private final Set<Delivery> underWay = ConcurrentHashMap.newKeySet();

    public Dispatcher(MixlogConfig config, MixpanelTransport transport, MixlogStats stats, SafeStatus status) {
        this.config = config;
        this.transport = transport;
        this.stats = stats;
        this.reports = new DeliveryReports(config, status, stats);
        this.slots = new Semaphore(config.maxInFlight());
        this.senders = new ThreadPoolExecutor(config.maxInFlight(), config.maxInFlight(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreads(config.name(), "sender"));
        this.senders.allowCoreThreadTimeOut(true);
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
     * Lets batches under way finish until the deadline, then interrupts what is left; every event
     * not delivered is counted as dropped for {@link DropReason#SHUTDOWN}.
     */
    public void shutdown(long deadlineNanos) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                for (Runnable neverRun : senders.shutdownNow()) {
                    stats.recordDropped(DropReason.SHUTDOWN, ((Delivery) neverRun).batch.size());
                }
                senders.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
        transport.close();
    }

    /**
     * Interrupts each sender whose exchange has gone on longer than the transport's bound (a reply
     * whose body stalls after its headers): the exchange is abandoned and retried. Called by the
     * consumer thread as it goes round, so no thread of its own watches the exchanges.
     */
    public void cutOverdueExchanges(long nowNanos) {
        for (Delivery delivery : underWay) {
            delivery.cutIfOverdue(nowNanos);
        }
    }

    /** The completions of the batches handed over and not yet settled (each completes whatever the outcome). */
    public List<CompletableFuture<Void>> pending() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Delivery delivery : underWay) {
            pending.add(delivery.settled);
        }
        return pending;
    }

    /** Whether the senders are shutting down: an interrupt then ends a delivery instead of being retried. */
    boolean isShuttingDown() {
        return senders.isShutdown();
    }

    /** Frees a delivery's place and tells whoever waits for it. */
    void finished(Delivery delivery) {
        slots.release();
        underWay.remove(delivery);
        delivery.settled.complete(null);
    }
}
