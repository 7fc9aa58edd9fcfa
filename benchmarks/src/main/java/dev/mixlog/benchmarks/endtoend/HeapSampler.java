package dev.mixlog.benchmarks.endtoend;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every few milliseconds on a daemon thread and keeps the highest value. */
final class HeapSampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 5;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakBytes;

    HeapSampler() {
        thread = new Thread(this::sample, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peakBytes) {
                peakBytes = used;
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest used-heap sample so far, in bytes. */
    long peakBytes() {
        return peakBytes;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
