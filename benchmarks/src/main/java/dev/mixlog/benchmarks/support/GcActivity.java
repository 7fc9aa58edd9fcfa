package dev.mixlog.benchmarks.support;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** Collections and their accumulated time, over all collectors, at one moment. */
public final class GcActivity {
    private final long count;
    private final long millis;

    private GcActivity(long count, long millis) {
        this.count = count;
        this.millis = millis;
    }

    public static GcActivity snapshot() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new GcActivity(count, millis);
    }

    public long countSince(GcActivity earlier) {
        return count - earlier.count;
    }

    public long millisSince(GcActivity earlier) {
        return millis - earlier.millis;
    }
}
