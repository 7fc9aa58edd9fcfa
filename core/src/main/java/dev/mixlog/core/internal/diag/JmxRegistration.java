package dev.mixlog.core.internal.diag;

import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.diag.DropReason;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes an appender's counters over JMX for as long as it runs; failures are reported, never thrown.
 * A later appender of the same name takes the name over, and stopping the earlier one then leaves it registered.
 */
public final class JmxRegistration {
    /** Which registration holds each name now, so that only the holder removes it. */
    private static final Map<ObjectName, JmxRegistration> HOLDERS = new ConcurrentHashMap<>();

    private final ObjectName name;

    private JmxRegistration(ObjectName name) {
        this.name = name;
    }

    /** The name the counters of this appender are published under: {@code dev.mixlog:type=Appender,name="<appenderName>"}. */
    public static ObjectName objectName(String appenderName) throws JMException {
        return ObjectName.getInstance("dev.mixlog:type=Appender,name=" + ObjectName.quote(appenderName));
    }

    /** Registers the counters under {@link #objectName(String)}; returns null if that fails. */
    public static JmxRegistration register(String appenderName, Counters stats, StatusSink status) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = objectName(appenderName);
            synchronized (HOLDERS) {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(new View(stats), name);
                JmxRegistration registration = new JmxRegistration(name);
                HOLDERS.put(name, registration);
                return registration;
            }
        } catch (JMException | RuntimeException | LinkageError e) {
            status.warn("could not publish the counters over JMX: " + SafeStatus.describe(e));
            return null;
        }
    }

    /** Removes the registration, unless a later appender of the same name has taken it over. */
    public void unregister() {
        synchronized (HOLDERS) {
            if (!HOLDERS.remove(name, this)) {
                return;
            }
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (JMException | RuntimeException e) {
                // already gone
            }
        }
    }

    /** The MXBean over live counters. */
    private static final class View implements MixlogStatsMXBean {
        private final Counters stats;

        View(Counters stats) {
            this.stats = stats;
        }

        @Override public long getCaptured() { return stats.captured(); }
        @Override public long getDelivered() { return stats.delivered(); }
        @Override public long getRetried() { return stats.retried(); }
        @Override public long getRequests() { return stats.requests(); }
        @Override public long getBytesSent() { return stats.bytesSent(); }
        @Override public long getDroppedTotal() { return stats.droppedTotal(); }
        @Override public long getDroppedRingFull() { return stats.dropped(DropReason.RING_FULL); }
        @Override public long getDroppedInvalid() { return stats.dropped(DropReason.INVALID); }
        @Override public long getDroppedRejected() { return stats.dropped(DropReason.REJECTED); }
        @Override public long getDroppedTooLarge() { return stats.dropped(DropReason.TOO_LARGE); }
        @Override public long getDroppedRetriesExhausted() { return stats.dropped(DropReason.RETRIES_EXHAUSTED); }
        @Override public long getDroppedShutdown() { return stats.dropped(DropReason.SHUTDOWN); }
        @Override public long getDroppedDiscarded() { return stats.dropped(DropReason.DISCARDED); }
        @Override public long getDroppedFailed() { return stats.dropped(DropReason.FAILED); }
        @Override public long getDroppedDisabled() { return stats.dropped(DropReason.DISABLED); }
        @Override public long getDroppedSpoolFull() { return stats.dropped(DropReason.SPOOL_FULL); }
        @Override public long getDroppedSpoolCorrupt() { return stats.dropped(DropReason.SPOOL_CORRUPT); }
        @Override public long getDroppedHotShard() { return stats.dropped(DropReason.HOT_SHARD); }
        @Override public long getReplayed() { return stats.replayed(); }
        @Override public long getKeptInSpool() { return stats.keptInSpool(); }
        @Override public long getSpoolFilesSetAside() { return stats.spoolFilesSetAside(); }
        @Override public long getSpoolWriteFailures() { return stats.spoolWriteFailures(); }
        @Override public long getSpooledBatches() { return stats.spooledBatches(); }
        @Override public long getSpooledBytes() { return stats.spooledBytes(); }
        @Override public long getRingBacklog() { return stats.ringBacklog(); }
        @Override public long getSentWithoutDistinctId() { return stats.sentWithoutDistinctId(); }
        @Override public long getPastHotShardLimit() { return stats.pastHotShardLimit(); }
        @Override public double getSendRate() { return stats.sendRate(); }
        @Override public double getSendRateLimit() { return stats.sendRateLimit(); }
        @Override public long getRateLimitedMillis() { return stats.rateLimitedMillis(); }
        @Override public long getBufferedBytes() { return stats.bufferedBytes(); }

        @Override
        public long getAdjusted() {
            long total = 0;
            for (Adjustment adjustment : Adjustment.values()) {
                total += stats.adjusted(adjustment);
            }
            return total;
        }
    }
}
