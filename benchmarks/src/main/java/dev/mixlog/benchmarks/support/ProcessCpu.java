package dev.mixlog.benchmarks.support;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** Process-wide CPU time and the calling thread's CPU time and allocation, from HotSpot's MXBeans. */
public final class ProcessCpu {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ProcessCpu() {
    }

    /** CPU nanoseconds used by every thread of this process (GC and JIT included). */
    public static long processNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU nanoseconds used by the calling thread. */
    public static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Bytes allocated so far by the calling thread. */
    public static long currentThreadAllocatedBytes() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
