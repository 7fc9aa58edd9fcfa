package dev.mixlog.core.capture;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The ring buffer between application threads and the consumer. {@link #offer(Object)} is the only
 * work an application thread does: claim a slot without waiting, store one reference, publish.
 * A full ring drops the new event (the caller counts it). Every quarter-ring of events, the
 * publishing thread unparks the consumer, so a burst never waits for the consumer's idle timer.
 */
public final class Intake {
    private final RingBuffer<RingSlot> ring;
    private final EventPoller<RingSlot> poller;
    private final long wakeMask;
    private volatile Thread consumer;
    private volatile boolean open = true;

    public Intake(int size) {
        this.ring = RingBuffer.createMultiProducer(RingSlot::new, size, new QuietWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.wakeMask = Math.max(1, size / 4) - 1;
    }

    /** Names the thread to unpark when a quarter of the ring has filled. */
    public void consumer(Thread thread) {
        consumer = thread;
    }

    /**
     * Puts an event in the ring. Returns false, without blocking, when the ring is full or closed.
     */
    public boolean offer(Object event) {
        if (!open) {
            return false;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        ring.get(sequence).set(event);
        ring.publish(sequence);
        if ((sequence & wakeMask) == 0) {
            LockSupport.unpark(consumer);
        }
        return true;
    }

    /** Takes every published event, in order, handing each to the handler. Returns how many. */
    public int drain(java.util.function.Consumer<Object> handler) {
        int[] taken = new int[1];
        try {
            poller.poll((slot, sequence, endOfBatch) -> {
                handler.accept(slot.take());
                taken[0]++;
                return true;
            });
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
        return taken[0];
    }

    /** Refuses further events. */
    public void close() {
        open = false;
    }

    /** Slots claimed by producers but not yet taken by the consumer (published or about to be). */
    public long backlog() {
        return ring.getCursor() - poller.getSequence().get();
    }

    public boolean isOpen() {
        return open;
    }
}
