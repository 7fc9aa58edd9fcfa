package dev.mixlog.core.diag;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Publishes an appender's counters over JMX for as long as it runs; failures are reported, never thrown. */
public final class JmxRegistration {
    private final ObjectName name;

    private JmxRegistration(ObjectName name) {
        this.name = name;
    }

    /** Registers the counters under {@code dev.mixlog:type=Appender,name=<appenderName>}; returns null if that fails. */
    public static JmxRegistration register(String appenderName, MixlogStats stats, StatusSink status) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = ObjectName.getInstance("dev.mixlog:type=Appender,name=" + ObjectName.quote(appenderName));
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new View(stats), name);
            return new JmxRegistration(name);
        } catch (JMException | RuntimeException | LinkageError e) {
            status.warn("could not publish the counters over JMX: " + SafeStatus.describe(e));
            return null;
        }
    }

    /** Removes the registration. */
    public void unregister() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException | RuntimeException e) {
            // already gone
        }
    }

    /** The MXBean over live counters. */
    private static final class View implements MixlogStatsMXBean {
        private final MixlogStats stats;

        View(MixlogStats stats) {
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
