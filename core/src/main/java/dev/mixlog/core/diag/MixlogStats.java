package dev.mixlog.core.diag;

import dev.mixlog.core.internal.diag.Adjustment;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Live counters and gauges of one appender, safe to read from any thread. */
public final class MixlogStats {
    private final LongAdder captured = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final Map<Adjustment, LongAdder> adjusted = new EnumMap<>(Adjustment.class);
    private volatile String lastFailure;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile LongSupplier ringBacklog = () -> 0;
    private volatile LongSupplier bufferedBytes = () -> 0;

    public MixlogStats() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
        for (Adjustment adjustment : Adjustment.values()) {
            adjusted.put(adjustment, new LongAdder());
        }
    }

    /** Events taken from the ring buffer by the consumer. */
    public long captured() { return captured.sum(); }
    /** Events Mixpanel accepted. */
    public long delivered() { return delivered.sum(); }
    /** Events refused by Mixpanel (also counted in {@link #dropped(DropReason)} as {@code REJECTED}). */
    public long rejected() { return dropped(DropReason.REJECTED); }
    /** Requests sent again after a retryable failure. */
    public long retried() { return retried.sum(); }
    /** HTTP requests made. */
    public long requests() { return requests.sum(); }
    /** Request body bytes put on the wire (after compression). */
    public long bytesSent() { return bytesSent.sum(); }
    /** Events dropped for one reason. */
    public long dropped(DropReason reason) { return dropped.get(reason).sum(); }
    /** Changes of one kind made to fit Mixpanel's limits. */
    public long adjusted(Adjustment adjustment) { return adjusted.get(adjustment).sum(); }

    /** The latest failure to deliver (a refusal, or a request that failed and is retried), or {@code null} before any. */
    public String lastFailure() { return lastFailure; }
    /** Whether requests are failing now: from a failed request until the next one that succeeds. */
    public boolean failing() { return failing.get(); }

    /** Events waiting in the ring buffer now (a gauge). */
    public long ringBacklog() { return ringBacklog.getAsLong(); }
    /** Estimated bytes of the large events waiting in the ring buffer now, bounded by {@code maxBufferBytes} (a gauge). */
    public long bufferedBytes() { return bufferedBytes.getAsLong(); }

    /** Connects the gauges to the ring buffer they read. */
    public void gauges(LongSupplier ringBacklog, LongSupplier bufferedBytes) {
        this.ringBacklog = ringBacklog;
        this.bufferedBytes = bufferedBytes;
    }

    /** Events dropped for any reason. */
    public long droppedTotal() {
        long total = 0;
        for (LongAdder count : dropped.values()) {
            total += count.sum();
        }
        return total;
    }

    public void recordCaptured(long events) { captured.add(events); }
    public void recordDelivered(long events) { delivered.add(events); }
    public void recordRetry() { retried.increment(); }
    public void recordRequest(long bodyBytes) { requests.increment(); bytesSent.add(bodyBytes); }
    public void recordDropped(DropReason reason, long events) { dropped.get(reason).add(events); }
    public void recordAdjusted(Adjustment adjustment) { adjusted.get(adjustment).increment(); }
    /** A request failed and is retried; returns true when requests were not failing before (failing begins). */
    public boolean recordFailing(String description) { lastFailure = description; return failing.compareAndSet(false, true); }
    /** Mixpanel refused what was sent, or a batch was given up: the latest failure, whether or not requests fail now. */
    public void recordFailure(String description) { lastFailure = description; }
    /** A request succeeded; returns true when requests were failing before (failing ends). */
    public boolean recordRecovered() { return failing.compareAndSet(true, false); }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("captured=").append(captured())
                .append(" delivered=").append(delivered())
                .append(" requests=").append(requests())
                .append(" retried=").append(retried());
        for (DropReason reason : DropReason.values()) {
            long count = dropped(reason);
            if (count > 0) {
                text.append(" dropped[").append(reason.name().toLowerCase(java.util.Locale.ROOT)).append("]=").append(count);
            }
        }
        return text.toString();
    }
}
