package dev.mixlog.core.internal.diag;

/**
 * The counters of one appender as JMX attributes, registered as
 * {@code dev.mixlog:type=Appender,name="<appender name>"} (the name quoted as by
 * {@link javax.management.ObjectName#quote(String)}) while the appender runs.
 */
public interface MixlogStatsMXBean {
    long getCaptured();
    long getDelivered();
    long getRetried();
    long getRequests();
    long getBytesSent();
    long getDroppedTotal();
    long getDroppedRingFull();
    long getDroppedInvalid();
    long getDroppedRejected();
    long getDroppedTooLarge();
    long getDroppedRetriesExhausted();
    long getDroppedShutdown();
    long getDroppedDiscarded();
    long getDroppedFailed();
    long getDroppedDisabled();
    long getDroppedSpoolFull();
    long getDroppedSpoolCorrupt();
    long getDroppedHotShard();
    /** Events found in the spool at start. */
    long getReplayed();
    /** Events left in the spool at stop for the next start. */
    long getKeptInSpool();
    long getSpoolFilesSetAside();
    long getSpoolWriteFailures();
    /** Batch files in the spool now. */
    long getSpooledBatches();
    /** Bytes of the spool's batch files now. */
    long getSpooledBytes();
    long getAdjusted();
    /** Events sent without a distinct_id. */
    long getSentWithoutDistinctId();
    /** Events of an id past hotShardLimit that day. */
    long getPastHotShardLimit();
    /** Events sent per second lately. */
    double getSendRate();
    /** The rate the appender holds itself to after Mixpanel asked it to slow down, 0 while unlimited. */
    double getSendRateLimit();
    /** Milliseconds spent under a rate limit. */
    long getRateLimitedMillis();
    /** Events waiting in the ring buffer now. */
    long getRingBacklog();
    /** Estimated bytes of the large events waiting in the ring buffer now. */
    long getBufferedBytes();
}
