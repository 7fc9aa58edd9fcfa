package dev.mixlog.core.internal.capture;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The ring buffer between application threads and the consumer. {@link #offer} is the only work an
 * application thread does: claim a slot without waiting, store one reference, publish. Memory is
 * bounded twice: by the slot count, and, for events estimated larger than {@link #LARGE_EVENT_BYTES},
 * by a byte budget. The consumer may sleep until its batch is due, so the publishing thread wakes it
 * before any bound can refuse an event: every quarter of the slots an event may use (the slots above
 * {@code discardThreshold}, when one is set, for events below WARN), and at every large event once a
 * quarter of {@code maxBufferBytes} is taken.
 *
 * @param <S> what the appender captures
 */
public final class Intake<S> {
    /** What {@link #offer} did with an event: took it, or why not. */
    public enum Outcome { ACCEPTED, FULL, DISCARDED, OVER_BYTES, CLOSED }

    /** Events estimated above this size count against {@code maxBufferBytes}; smaller ones are bounded by the slot count. */
    public static final int LARGE_EVENT_BYTES = 4096;

    private final RingBuffer<RingSlot<S>> ring;
    private final EventPoller<RingSlot<S>> poller;
    private final long wakeMask;
    private final long wakeBytes;
    private final int discardThreshold;
    private final long maxBufferBytes;
    private final AtomicLong bufferedBytes = new AtomicLong();
    private volatile Thread consumer;
    private volatile boolean open = true;

    public Intake(int size, int discardThreshold, long maxBufferBytes) {
        this.ring = RingBuffer.createMultiProducer(RingSlot<S>::new, size, new QuietWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        int usableSlots = discardThreshold > 0 ? Math.max(1, size - discardThreshold) : size;
        this.wakeMask = Integer.highestOneBit(Math.max(1, usableSlots / 4)) - 1;
        this.wakeBytes = maxBufferBytes / 4;
        this.discardThreshold = discardThreshold;
        this.maxBufferBytes = maxBufferBytes;
    }

    /** Names the thread to unpark when the ring fills (see the class comment). */
    public void consumer(Thread thread) {
        consumer = thread;
    }

    /**
     * Puts an event in the ring without blocking.
     *
     * @param tag what a replacement of the network tagged the logging thread with ({@code null} outside tests)
     * @param discardable whether the event may be discarded early to keep room for more important ones
     * @param estimatedBytes the event's estimated retained size; only large events count against the byte bound
     * @return {@link Outcome#ACCEPTED} when taken, otherwise why not
     */
    public Outcome offer(S event, Object tag, boolean discardable, long estimatedBytes) {
        if (!open) {
            return Outcome.CLOSED;
        }
        if (discardable && discardThreshold > 0 && ring.remainingCapacity() < discardThreshold) {
            return Outcome.DISCARDED;
        }
        long counted = estimatedBytes > LARGE_EVENT_BYTES ? estimatedBytes : 0;
        long buffered = counted > 0 ? bufferedBytes.addAndGet(counted) : 0;
        if (buffered > maxBufferBytes) {
            bufferedBytes.addAndGet(-counted);
            return Outcome.OVER_BYTES;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            if (counted > 0) {
                bufferedBytes.addAndGet(-counted);
            }
            return Outcome.FULL;
        }
        ring.get(sequence).set(event, tag, counted);
        ring.publish(sequence);
        if ((sequence & wakeMask) == 0 || buffered > wakeBytes) {
            LockSupport.unpark(consumer);
        }
        return Outcome.ACCEPTED;
    }

    /** Wakes the consumer now (a producer waiting for room, or stop). */
    public void wakeConsumer() {
        LockSupport.unpark(consumer);
    }

    /**
     * Polls the published events in order into the handler, until it returns false; the slots are
     * free for producers again when this returns. The handler gets each slot as an {@code Object}
     * and reads its event with {@link #take(Object)}. Called by the consumer thread alone.
     *
     * <p>The handler is raw on purpose: it is then the per-event path's only frame above the mapping.
     * The JIT compiles each frame that runs once per event as a root of its own, and each such root
     * inlines the whole mapping and serialization again. A generic handler adds a bridge method, and
     * an adapter adds a lambda; measured, each cost one more compilation of about 250 ms while the
     * process warms up.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void drain(EventPoller.Handler handler) {
        try {
            poller.poll(handler);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The tag of the event in a slot handed to {@link #drain}'s handler; read before {@link #take(Object)}. */
    @SuppressWarnings("unchecked")
    public Object tagOf(Object polledSlot) {
        return ((RingSlot<S>) polledSlot).tag();
    }

    /** The event in a slot handed to {@link #drain}'s handler, its bytes given back to the budget. */
    @SuppressWarnings("unchecked")
    public S take(Object polledSlot) {
        RingSlot<S> slot = (RingSlot<S>) polledSlot;
        long counted = slot.countedBytes();
        if (counted > 0) {
            bufferedBytes.addAndGet(-counted);
        }
        return slot.take();
    }

    /** Refuses further events. */
    public void close() {
        open = false;
    }

    /** The sequence of the last slot claimed by a producer (-1 before the first). */
    public long claimed() {
        return ring.getCursor();
    }

    /** The sequence of the last slot taken by the consumer (-1 before the first). */
    public long taken() {
        return poller.getSequence().get();
    }

    /** Slots claimed by producers but not yet taken by the consumer (published or about to be). */
    public long backlog() {
        return ring.getCursor() - poller.getSequence().get();
    }

    /** The estimated bytes of the large events now waiting in the ring; never above {@code maxBufferBytes} for long. */
    public long bufferedBytes() {
        return bufferedBytes.get();
    }
}
