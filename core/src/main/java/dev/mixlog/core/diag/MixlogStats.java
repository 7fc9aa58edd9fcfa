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
    private final LongAdder replayed = new LongAdder();
    private final LongAdder keptInSpool = new LongAdder();
    private final LongAdder spoolFilesSetAside = new LongAdder();
    private final LongAdder spoolWriteFailures = new LongAdder();
    private volatile LongSupplier spooledBatches = () -> 0;
    private volatile LongSupplier spooledBytes = () -> 0;

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

    /** Events found in the spool at start, sent (or counted as dropped) alongside the new ones. */
    public long replayed() { return replayed.sum(); }
    /**
     * Events left in the spool at stop, to be sent at the next start: neither delivered nor dropped.
     * With a spool, {@code delivered + dropped + keptInSpool == logged + replayed}.
     */
    public long keptInSpool() { return keptInSpool.sum(); }
    /** Files in the spool directory that could not be read (renamed {@code *.corrupt}) or that Mixlog did not write. */
    public long spoolFilesSetAside() { return spoolFilesSetAside.sum(); }
    /** Batches that could not be written to the spool (disk full, directory gone) and went on from memory. */
    public long spoolWriteFailures() { return spoolWriteFailures.sum(); }
    /** Batch files in the spool now, waiting or under way (a gauge). */
    public long spooledBatches() { return spooledBatches.getAsLong(); }
    /** Bytes of the spool's batch files now, bounded by {@code spoolMaxBytes} (a gauge). */
    public long spooledBytes() { return spooledBytes.getAsLong(); }

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

    /** Connects the spool gauges to the spool they read. */
    public void spoolGauges(LongSupplier batches, LongSupplier bytes) {
        this.spooledBatches = batches;
        this.spooledBytes = bytes;
    }

    public void recordCaptured(long events) { captured.add(events); }
    public void recordReplayed(long events) { replayed.add(events); }
    public void recordKeptInSpool(long events) { keptInSpool.add(events); }
    public void recordSpoolFileSetAside() { spoolFilesSetAside.increment(); }
    public void recordSpoolWriteFailure() { spoolWriteFailures.increment(); }
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
        if (replayed() > 0) {
            text.append(" replayed=").append(replayed());
        }
        if (keptInSpool() > 0) {
            text.append(" keptInSpool=").append(keptInSpool());
        }
        for (DropReason reason : DropReason.values()) {
            long count = dropped(reason);
            if (count > 0) {
                text.append(" dropped[").append(reason.name().toLowerCase(java.util.Locale.ROOT)).append("]=").append(count);
            }
        }
        return text.toString();
    }
}
