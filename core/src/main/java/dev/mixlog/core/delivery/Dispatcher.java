package dev.mixlog.core.delivery;

import dev.mixlog.core.batch.Batch;
import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.SafeStatus;
import dev.mixlog.core.diag.StatusSink;
import dev.mixlog.core.http.FailedRecord;
import dev.mixlog.core.http.MixpanelTransport;
import dev.mixlog.core.http.Reply;
import dev.mixlog.core.http.ReplyClassifier;
import dev.mixlog.core.http.Route;
import dev.mixlog.core.http.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers sealed batches on a small pool of sender threads, at most {@code maxInFlight} at once, so
 * a slow server pushes back on the consumer instead of piling up requests. Each batch is retried
 * with backoff until it is delivered, refused, or out of retry time; every event ends up counted
 * as delivered or dropped with a reason.
 */
public final class Dispatcher {
    /** Longest server-requested delay honoured; a longer {@code Retry-After} is cut to this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    private static final int FAILED_RECORDS_LISTED = 20;

    private final MixlogConfig config;
    private final MixpanelTransport transport;
    private final MixlogStats stats;
    private final StatusSink status;
    private final Semaphore slots;
    private final ThreadPoolExecutor senders;
    private final SendGate gate = new SendGate();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Set<String> credentialsReported = ConcurrentHashMap.newKeySet();
    /** Batches handed over and not yet settled, for {@link #pending()}. */
    private final Set<Delivery> underWay = ConcurrentHashMap.newKeySet();

    public Dispatcher(MixlogConfig config, MixpanelTransport transport, MixlogStats stats, StatusSink status) {
        this.config = config;
        this.transport = transport;
        this.stats = stats;
        this.status = status;
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
        Delivery delivery = new Delivery(route, batch);
        underWay.add(delivery);
        try {
            senders.execute(delivery);
        } catch (RejectedExecutionException rejected) {
            delivery.finished();
            stats.recordDropped(DropReason.SHUTDOWN, batch.size());
        } catch (Throwable failed) {
            // no sender thread could be made (OutOfMemoryError: unable to create native thread): the caller keeps the batch
            delivery.finished();
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

    /**
     * One batch's journey: send, read the verdict, retry or split as it says. Every event of the batch
     * is counted once, through {@link #delivered} and {@link #dropped}; should anything escape, the
     * events not yet counted are dropped as {@link DropReason#FAILED} and the sender thread goes on.
     */
    private final class Delivery implements Runnable {
        private final Route route;
        private final Batch batch;
        private final CompletableFuture<Void> settled = new CompletableFuture<>();
        private int counted;
        /** The sender running this delivery, when its current exchange must end (0 between exchanges), and whether it was cut. */
        private Thread sender;
        private long exchangeDeadline;
        private boolean cut;

        Delivery(Route route, Batch batch) {
            this.route = route;
            this.batch = batch;
        }

        @Override
        public void run() {
            synchronized (this) {
                sender = Thread.currentThread();
            }
            try {
                deliver(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                dropped(DropReason.FAILED, batch.size() - counted);
                status.error("unexpected failure while sending to " + route.name() + ": " + SafeStatus.describe(e));
            } finally {
                finished();
            }
        }

        /**
         * Interrupts the sender if its exchange is past the bound. Exclusive with the end of an
         * exchange, so a sender that has finished and moved on is never interrupted.
         */
        synchronized void cutIfOverdue(long nowNanos) {
            if (exchangeDeadline != 0 && nowNanos - exchangeDeadline > 0) {
                exchangeDeadline = 0;
                cut = true;
                sender.interrupt();
            }
        }

        /** Sends once, within the exchange bound (see {@link #cutIfOverdue}). */
        private Reply exchange(byte[] body) throws IOException, InterruptedException {
            synchronized (this) {
                cut = false;
                exchangeDeadline = System.nanoTime() + transport.exchangeBound().toNanos();
            }
            try {
                return transport.send(route, body);
            } finally {
                synchronized (this) {
                    exchangeDeadline = 0;
                    if (cut) {
                        // the exchange ended as it was cut: the interrupt meant for it must not reach what comes next
                        Thread.interrupted();
                    }
                }
            }
        }

        /** Frees the batch's place and tells whoever waits for it. */
        void finished() {
            slots.release();
            underWay.remove(this);
            settled.complete(null);
        }

        private void delivered(int events) {
            counted += events;
            stats.recordDelivered(events);
        }

        private void dropped(DropReason reason, int events) {
            counted += events;
            stats.recordDropped(reason, events);
        }

        /** Delivers one batch (or, after a 413, its halves in turn); counts every event's outcome. */
        private void deliver(Batch part) throws InterruptedException {
            long retryDeadline = System.nanoTime() + config.maxRetryTime().toNanos();
            Backoff backoff = new Backoff(config.retryInitialBackoff(), config.retryMaxBackoff());
            byte[] body = null;
            while (true) {
                Verdict verdict;
                try {
                    retryDeadline += gate.awaitOpen();
                    if (body == null) {
                        body = transport.encode(route, part);
                    }
                    stats.recordRequest(body.length);
                    Reply reply = exchange(body);
                    verdict = ReplyClassifier.classify(reply, part, route.strictImport());
                } catch (InterruptedException e) {
                    if (senders.isShutdown()) {
                        dropped(DropReason.SHUTDOWN, part.size());
                        throw e;
                    }
                    verdict = Verdict.retry(cut ? "no complete reply within " + transport.exchangeBound() : "interrupted",
                            null, false);
                } catch (Throwable e) {
                    // a network failure, or anything else raised while sending or reading: retried as a failed request
                    verdict = Verdict.retry(SafeStatus.describe(e), null, false);
                }
                if (verdict.kind() != Verdict.Kind.RETRY) {
                    recovered();
                    settle(part, verdict);
                    return;
                }
                Duration wait = verdict.retryAfter()
                        .map(asked -> asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked)
                        .orElseGet(backoff::next);
                if (verdict.retryAfter().isPresent()) {
                    retryDeadline += wait.toNanos();
                }
                if (verdict.rateLimited()) {
                    gate.pauseFor(wait);
                }
                if (System.nanoTime() + wait.toNanos() - retryDeadline > 0) {
                    dropped(DropReason.RETRIES_EXHAUSTED, part.size());
                    status.warn("gave up on a batch of " + part.size() + " events to " + route.name() + " after "
                            + config.maxRetryTime() + " of retries; last failure: " + verdict.detail());
                    return;
                }
                failing(verdict);
                pause(wait, part);
                stats.recordRetry();
            }
        }

        /** Sleeps before a retry; an interrupt ends the delivery only during shutdown. */
        private void pause(Duration wait, Batch part) throws InterruptedException {
            try {
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            } catch (InterruptedException e) {
                if (senders.isShutdown()) {
                    dropped(DropReason.SHUTDOWN, part.size());
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
                    reportFailedRecords(part, verdict.failed());
                    return;
                case TOO_LARGE:
                    if (part.size() == 1) {
                        dropped(DropReason.TOO_LARGE, 1);
                        status.warn("the server refused a single event '" + part.name(0) + "' as too large ("
                                + verdict.detail() + "); lower maxBatchBytes or send smaller events");
                        return;
                    }
                    Batch[] halves = part.halves();
                    try {
                        deliver(halves[0]);
                    } catch (InterruptedException e) {
                        dropped(DropReason.SHUTDOWN, halves[1].size());
                        throw e;
                    }
                    deliver(halves[1]);
                    return;
                case AUTH_FAILED:
                    dropped(DropReason.REJECTED, part.size());
                    if (credentialsReported.add(route.name())) {
                        status.error("Mixpanel refused the credentials on " + route.name() + " (" + verdict.detail()
                                + "); check " + credentialsToCheck());
                    }
                    return;
                default:
                    dropped(DropReason.REJECTED, part.size());
                    status.warn("Mixpanel refused a batch of " + part.size() + " events on " + route.name()
                            + ": " + verdict.detail());
            }
        }

        /**
         * What authenticated the refused request: the {@code /import} credentials (and the region,
         * since a project only answers on its own), or the project token that {@code /track},
         * {@code /engage} and {@code /groups} carry in their bodies.
         */
        private String credentialsToCheck() {
            if (route.authorization().isEmpty()) {
                return "token";
            }
            return config.credentials().settingsToCheck(config.endpoint())
                    + (config.endpoint() == Endpoint.IMPORT ? " and the region (" + config.baseUrl() + ")" : "");
        }

        private void reportFailedRecords(Batch part, List<FailedRecord> failed) {
            int refused = Math.min(failed.size(), part.size());
            delivered(part.size() - refused);
            dropped(DropReason.REJECTED, refused);
            StringBuilder message = new StringBuilder("Mixpanel refused ").append(refused).append(" of ")
                    .append(part.size()).append(" events on ").append(route.name()).append(" (the others were imported):");
            for (int i = 0; i < Math.min(failed.size(), FAILED_RECORDS_LISTED); i++) {
                message.append("\n  ").append(failed.get(i));
            }
            if (failed.size() > FAILED_RECORDS_LISTED) {
                message.append("\n  and ").append(failed.size() - FAILED_RECORDS_LISTED).append(" more");
            }
            status.warn(message.toString());
        }

        private void failing(Verdict verdict) {
            if (failing.compareAndSet(false, true)) {
                status.warn("sending to " + route.name() + " failed (" + verdict.detail() + "); retrying with backoff");
            }
        }

        private void recovered() {
            if (failing.compareAndSet(true, false)) {
                status.info("sending to " + route.name() + " works again");
            }
        }
    }
}
