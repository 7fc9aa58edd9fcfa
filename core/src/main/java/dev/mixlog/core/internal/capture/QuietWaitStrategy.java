package dev.mixlog.core.internal.capture;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.locks.LockSupport;

/**
 * A wait strategy whose publish-side signal does nothing, so an application thread never pays for
 * waking the consumer. The consumer polls and parks on its own schedule, and {@link Intake} wakes it
 * only as the ring fills; see {@code ConsumerLoop}.
 */
final class QuietWaitStrategy implements WaitStrategy {
    private static final long PARK_NANOS = 1_000_000;

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            LockSupport.parkNanos(this, PARK_NANOS);
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        // deliberately empty: see the class comment
    }
}
