package dev.mixlog.core.diag;

/**
 * The counters of one appender as JMX attributes, registered as
 * {@code dev.mixlog:type=Appender,name=<appender name>} while the appender runs.
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
    long getAdjusted();
}
