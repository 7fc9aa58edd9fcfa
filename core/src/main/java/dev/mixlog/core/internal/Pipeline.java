package dev.mixlog.core.internal;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.OverflowPolicy;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.capture.Intake;
import dev.mixlog.core.internal.delivery.Destination;
import dev.mixlog.core.internal.delivery.Dispatcher;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.spool.Spool;
import dev.mixlog.core.internal.spool.SpoolOpening;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * The delivery machinery of a core: the ring ({@link Intake}), the consumer thread
 * ({@link ConsumerLoop}), the senders ({@link Dispatcher}) with the outlet its {@link Destination}
 * names, and the spool ({@link Spool}) when one is configured. Built and started by
 * {@code MixlogCore}; it counts what the ring refuses.
 */
public final class Pipeline<S> {
    /** How long a blocked application thread parks between two tries for a free slot. */
    private static final long BLOCK_PARK_NANOS = 50_000;

    private final Intake<S> intake;
    private final Dispatcher dispatcher;
    private final ConsumerLoop<S> loop;
    private final ConsumerThread consumer;
    private final long blockNanos;
    private final Counters stats;

    /** @param refusals told of each record Mixpanel refused: its tag, and why */
    public Pipeline(MixlogConfig config, LogEventReader<?, S> reader, Counters stats, SafeStatus status,
                    Destination destination, BiConsumer<Object, String> refusals) {
        this.intake = new Intake<>(config.ringBufferSize(), config.discardThreshold(), config.maxBufferBytes());
        SpoolOpening spool = destination.spools() ? SpoolOpening.of(config, stats, status) : null;
        this.dispatcher = new Dispatcher(config, destination.outlet(), stats, status, spool, refusals);
        try {
            this.loop = new ConsumerLoop<>(config, intake, reader, dispatcher, stats, status, destination.token());
            this.consumer = new ConsumerThread(loop, new DaemonThreads(config.name(), "consumer"), intake, status);
        } catch (RuntimeException | Error failed) {
            // let go of the spool's lock and the senders before the failure goes on to the start
            dispatcher.shutdown(System.nanoTime(), System.nanoTime());
            throw failed;
        }
        this.blockNanos = config.overflowPolicy() == OverflowPolicy.BLOCK ? config.blockTimeout().toNanos() : 0;
        this.stats = stats;
        stats.gauges(intake::backlog, intake::bufferedBytes);
    }

    /** Starts the consumer, and the opening of the spool (whose batches the senders then take). */
    public void start() {
        consumer.start();
        dispatcher.openSpool();
    }

    /**
     * Puts the event in the ring with its thread's tag ({@link dev.mixlog.core.internal.delivery.DeliverySeam#tagOfThisThread()}), waiting for room up to {@code blockTimeout} under
     * {@code overflowPolicy=block}; a refusal is counted under its reason, and false returned.
     */
    public boolean offer(S event, Object tag, boolean discardable, long estimatedBytes) {
        consumer.checkAlive();
        Intake.Outcome refusal = intake.offer(event, tag, discardable, estimatedBytes);
        if ((refusal == Intake.Outcome.FULL || refusal == Intake.Outcome.OVER_BYTES) && blockNanos > 0) {
            refusal = waitForRoom(event, tag, discardable, estimatedBytes);
        }
        if (refusal == Intake.Outcome.ACCEPTED) {
            return true;
        }
        stats.recordDropped(dropReason(refusal), 1);
        return false;
    }

    private static DropReason dropReason(Intake.Outcome refusal) {
        switch (refusal) {
            case CLOSED:
                return DropReason.SHUTDOWN;
            case DISCARDED:
                return DropReason.DISCARDED;
            default:
                return DropReason.RING_FULL;
        }
    }

    private Intake.Outcome waitForRoom(S event, Object tag, boolean discardable, long estimatedBytes) {
        long deadline = System.nanoTime() + blockNanos;
        Intake.Outcome refusal = Intake.Outcome.FULL;
        intake.wakeConsumer();
        while ((refusal == Intake.Outcome.FULL || refusal == Intake.Outcome.OVER_BYTES)
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(BLOCK_PARK_NANOS);
            refusal = intake.offer(event, tag, discardable, estimatedBytes);
        }
        return refusal;
    }

    /** Whether the calling thread works for this pipeline: one of Mixlog's (its HTTP exchanges run on them too). */
    public boolean isDeliveryThread() {
        return MixlogThread.isCurrent();
    }

    /**
     * Delivers what the ring and the open batches hold now, without stopping: the consumer takes every
     * event logged before this call, seals its batches and hands them over; this waits until each of
     * those batches is settled or the time is up. Nothing is dropped for lack of time.
     */
    public boolean flush(Duration timeout) {
        if (isDeliveryThread()) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        FlushRequest request = new FlushRequest(intake.claimed());
        loop.requestFlush(request);
        intake.wakeConsumer();
        List<CompletableFuture<Void>> batches = Waiting.resultWithin(request.handedOver(), deadline - System.nanoTime());
        if (batches == null) {
            return false;
        }
        CompletableFuture<Boolean> settled = CompletableFuture.allOf(batches.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> Boolean.TRUE);
        return Waiting.resultWithin(settled, deadline - System.nanoTime()) != null;
    }

    /**
     * Refuses further events, lets the consumer drain and flush until {@code forceAt}, then lets the
     * senders finish; returns by the deadline. What is left is counted as not delivered before
     * shutdown. A consumer thread that does not end by then (stuck in a logged value's
     * {@code toString()} that never returns) is abandoned: every event it held is counted here, and
     * should it ever come back it counts nothing (see {@link ConsumerLedger}).
     */
    public void stop(long forceAt, long deadline) {
        intake.close();
        loop.requestStop();
        intake.wakeConsumer();
        boolean ended = consumer.join(forceAt, forceAt + (deadline - forceAt) / 2);
        long notCounted = intake.claimed() + 1 - loop.closeLedger();
        if (notCounted > 0) {
            stats.recordDropped(DropReason.SHUTDOWN, notCounted);
        }
        if (!ended) {
            consumer.abandon(loop.whereStuck(), notCounted);
        }
        dispatcher.shutdown(forceAt, deadline);
        release(intake.backlog());
    }

    /**
     * Lets go of everything that leads from the counters, which the stopped appender keeps, to the
     * delivery machinery and the HTTP client: the gauges read the ring no more, and the ring forgets
     * its consumer thread (whose task reaches the client). Otherwise a web application's class loader
     * stays reachable through the JDK's cleaner, which holds the client until it is unreachable.
     */
    private void release(long leftInRing) {
        long bufferedBytes = intake.bufferedBytes();
        stats.gauges(() -> leftInRing, () -> bufferedBytes);
        intake.consumer(null);
    }
}
