package dev.mixlog.core.internal.diag;

import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The counters of one appender as the pipeline records them; users read them through
 * {@link MixlogStats}, which has no way to change them.
 */
public final class Counters implements MixlogStats {
    private final LongAdder captured = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder withoutDistinctId = new LongAdder();
    private final LongAdder pastHotShardLimit = new LongAdder();
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
    private volatile DoubleSupplier sendRate = () -> 0;
    private volatile DoubleSupplier sendRateLimit = () -> 0;
    private volatile LongSupplier rateLimitedMillis = () -> 0;

    public Counters() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
        for (Adjustment adjustment : Adjustment.values()) {
            adjusted.put(adjustment, new LongAdder());
        }
    }

    @Override
    public long captured() { return captured.sum(); }
    @Override
    public long delivered() { return delivered.sum(); }
    @Override
    public long rejected() { return dropped(DropReason.REJECTED); }
    @Override
    public long retried() { return retried.sum(); }
    @Override
    public long requests() { return requests.sum(); }
    @Override
    public long bytesSent() { return bytesSent.sum(); }
    @Override
    public long sentWithoutDistinctId() { return withoutDistinctId.sum(); }
    @Override
    public long pastHotShardLimit() { return pastHotShardLimit.sum(); }
    @Override
    public long dropped(DropReason reason) { return dropped.get(reason).sum(); }
    @Override
    public long adjusted(Adjustment adjustment) { return adjusted.get(adjustment).sum(); }

    @Override
    public String lastFailure() { return lastFailure; }
    @Override
    public boolean failing() { return failing.get(); }

    @Override
    public long ringBacklog() { return ringBacklog.getAsLong(); }
    @Override
    public long bufferedBytes() { return bufferedBytes.getAsLong(); }

    @Override
    public long replayed() { return replayed.sum(); }
    /**
     * Events left in the spool at stop, to be sent at the next start: neither delivered nor dropped.
     * With a spool, {@code delivered + dropped + keptInSpool == logged + replayed}.
     */
    @Override
    public long keptInSpool() { return keptInSpool.sum(); }
    @Override
    public long spoolFilesSetAside() { return spoolFilesSetAside.sum(); }
    @Override
    public long spoolWriteFailures() { return spoolWriteFailures.sum(); }
    @Override
    public long spooledBatches() { return spooledBatches.getAsLong(); }
    @Override
    public long spooledBytes() { return spooledBytes.getAsLong(); }

    @Override
    public double sendRate() { return sendRate.getAsDouble(); }
    @Override
    public double sendRateLimit() { return sendRateLimit.getAsDouble(); }
    @Override
    public long rateLimitedMillis() { return rateLimitedMillis.getAsLong(); }

    /** Connects the rate gauges to the senders' rate. */
    public void rateGauges(DoubleSupplier sending, DoubleSupplier limit, LongSupplier limitedMillis) {
        this.sendRate = sending;
        this.sendRateLimit = limit;
        this.rateLimitedMillis = limitedMillis;
    }

    /** Connects the gauges to the ring buffer they read. */
    public void gauges(LongSupplier ringBacklog, LongSupplier bufferedBytes) {
        this.ringBacklog = ringBacklog;
        this.bufferedBytes = bufferedBytes;
    }

    @Override
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
    public void recordWithoutDistinctId() { withoutDistinctId.increment(); }
    public void recordPastHotShardLimit() { pastHotShardLimit.increment(); }
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
