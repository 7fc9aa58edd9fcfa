package dev.mixlog.core.diag;

/**
 * The counters and gauges of one appender, read-only and safe to read from any thread, also after
 * the appender has stopped. Every event the appender was given ends up counted once: delivered, or
 * dropped under one {@link DropReason}, or, with a spool, kept there for the next start:
 * {@code delivered + droppedTotal + keptInSpool == logged + replayed}.
 */
public interface MixlogStats {
    /** Events taken from the ring buffer by the consumer. */
    long captured();

    /** Events Mixpanel accepted. */
    long delivered();

    /** Events refused by Mixpanel (also counted in {@link #dropped(DropReason)} as {@code REJECTED}). */
    long rejected();

    /** Requests sent again after a retryable failure. */
    long retried();

    /** HTTP requests made. */
    long requests();

    /** Request body bytes put on the wire (after compression). */
    long bytesSent();

    /** Events dropped for one reason. */
    long dropped(DropReason reason);

    /** Events dropped for any reason. */
    long droppedTotal();

    /**
     * Events sent without a {@code distinct_id} (as anonymous events): no usable value under the
     * {@code distinctIdKey}. Mixpanel ties them to no user.
     */
    long sentWithoutDistinctId();

    /**
     * Events whose {@code distinct_id} (or a group id) had passed {@code hotShardLimit} events that day
     * (UTC) when they came: sent all the same, or with {@code hotShardDrop} dropped as {@code HOT_SHARD}.
     */
    long pastHotShardLimit();

    /** Changes of one kind made to events to fit Mixpanel's limits (the events were sent). */
    long adjusted(Adjustment adjustment);

    /** The latest failure to deliver (a refusal, or a request that failed and is retried), or {@code null} before any. */
    String lastFailure();

    /** Whether requests are failing now: from a failed request until the next one that succeeds. */
    boolean failing();

    /** Events sent per second lately, over the last one to two seconds, retries included (a gauge). */
    double sendRate();

    /**
     * The rate, in events per second, the appender holds itself to since Mixpanel asked it to slow
     * down (429, 502, 503), or 0 while it sends unlimited (a gauge). See the {@code rateControl} setting.
     */
    double sendRateLimit();

    /** Milliseconds spent under a rate limit since start, the current one included. */
    long rateLimitedMillis();

    /** Events waiting in the ring buffer now (a gauge). */
    long ringBacklog();

    /** Estimated bytes of the large events waiting in the ring buffer now, bounded by {@code maxBufferBytes} (a gauge). */
    long bufferedBytes();

    /** Events found in the spool at start, sent (or counted as dropped) alongside the new ones. */
    long replayed();

    /** Events left in the spool at stop, to be sent at the next start: neither delivered nor dropped. */
    long keptInSpool();

    /** Files in the spool directory that could not be read (renamed {@code *.corrupt}) or that Mixlog did not write. */
    long spoolFilesSetAside();

    /** Batches that could not be written to the spool (disk full, directory gone) and went on from memory. */
    long spoolWriteFailures();

    /** Batch files in the spool now, waiting or under way (a gauge). */
    long spooledBatches();

    /** Disk taken by the spool's batch files now, in whole blocks, bounded by {@code spoolMaxBytes} (a gauge). */
    long spooledBytes();
}
