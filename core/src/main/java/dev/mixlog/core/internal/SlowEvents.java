package dev.mixlog.core.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Tells an event that is slow to turn into Mixpanel JSON (a logged value whose {@code toString()}
 * computes for long, or waits) from a busy machine that merely did not run the consumer: by the
 * consumer thread's CPU time, read once per chunk of events, not by the wall clock alone. Owned by
 * the consumer thread.
 */
final class SlowEvents {
    /** An event whose chunk used this much of the consumer's CPU by the end of it computed for long. */
    static final long SLOW_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** An event that took this long on the wall clock waited for something, whatever the CPU says. */
    static final long SLOW_WALL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ThreadMXBean threads;
    private long chunkCpuStart;

    SlowEvents() {
        ThreadMXBean bean = null;
        try {
            bean = ManagementFactory.getThreadMXBean();
            if (!bean.isCurrentThreadCpuTimeSupported()) {
                bean = null;
            }
        } catch (RuntimeException | Error unavailable) {
            bean = null;
        }
        this.threads = bean;
    }

    /** The first event of a chunk starts: reads the thread's CPU time. */
    void chunkStarts() {
        chunkCpuStart = cpuNow();
    }

    /**
     * Whether an event that took this wall time was slow in itself: at least {@link #SLOW_CPU_NANOS} of CPU
     * since its chunk began (the earlier events of the chunk took microseconds each), or at least
     * {@link #SLOW_WALL_NANOS} of wall time. Without a CPU clock, the wall time alone.
     */
    boolean slow(long wallNanos) {
        if (wallNanos < SLOW_CPU_NANOS) {
            return false;
        }
        if (wallNanos >= SLOW_WALL_NANOS || threads == null) {
            return true;
        }
        long cpu = cpuNow();
        if (cpu < 0 || chunkCpuStart < 0) {
            // the CPU clock is off (ThreadMXBean.setThreadCpuTimeEnabled(false)): the wall clock alone
            return true;
        }
        return cpu - chunkCpuStart >= SLOW_CPU_NANOS;
    }

    private long cpuNow() {
        try {
            return threads == null ? -1 : threads.getCurrentThreadCpuTime();
        } catch (RuntimeException unavailable) {
            return -1;
        }
    }
}
