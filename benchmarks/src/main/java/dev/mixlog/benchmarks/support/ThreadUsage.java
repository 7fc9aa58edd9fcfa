package dev.mixlog.benchmarks.support;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * CPU time and allocated bytes of this JVM's Java threads, by thread, at one moment. The difference
 * of two snapshots gives what the threads a predicate selects used in between; a thread that started
 * in between counts from zero. (GC and JIT compiler threads are not Java threads and are not seen.)
 */
public final class ThreadUsage {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> cpuNanos = new HashMap<>();
    private final Map<Long, Long> allocatedBytes = new HashMap<>();

    private ThreadUsage() {
    }

    public static ThreadUsage snapshot() {
        ThreadUsage usage = new ThreadUsage();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long id = info.getThreadId();
            long cpu = THREADS.getThreadCpuTime(id);
            long allocated = THREADS.getThreadAllocatedBytes(id);
            if (cpu >= 0 && allocated >= 0) {
                usage.names.put(id, info.getThreadName());
                usage.cpuNanos.put(id, cpu);
                usage.allocatedBytes.put(id, allocated);
            }
        }
        return usage;
    }

    /** CPU nanoseconds used since {@code earlier} by the threads whose names the filter accepts. */
    public long cpuNanosSince(ThreadUsage earlier, Predicate<String> threadName) {
        return total(cpuNanos, earlier.cpuNanos, threadName);
    }

    /** CPU nanoseconds used since {@code earlier}, per thread name, for the threads the filter accepts. */
    public Map<String, Long> cpuNanosByThreadSince(ThreadUsage earlier, Predicate<String> threadName) {
        return byThread(cpuNanos, earlier.cpuNanos, threadName);
    }

    /** Bytes allocated since {@code earlier} by the threads whose names the filter accepts. */
    public long allocatedBytesSince(ThreadUsage earlier, Predicate<String> threadName) {
        return total(allocatedBytes, earlier.allocatedBytes, threadName);
    }

    /** Bytes allocated since {@code earlier}, per thread name, for the threads the filter accepts. */
    public Map<String, Long> allocatedBytesByThreadSince(ThreadUsage earlier, Predicate<String> threadName) {
        return byThread(allocatedBytes, earlier.allocatedBytes, threadName);
    }

    private long total(Map<Long, Long> now, Map<Long, Long> before, Predicate<String> threadName) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            if (threadName.test(names.get(thread.getKey()))) {
                total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            }
        }
        return total;
    }

    private Map<String, Long> byThread(Map<Long, Long> now, Map<Long, Long> before, Predicate<String> threadName) {
        Map<String, Long> byName = new TreeMap<>();
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            String name = names.get(thread.getKey());
            if (threadName.test(name)) {
                byName.merge(name, thread.getValue() - before.getOrDefault(thread.getKey(), 0L), Long::sum);
            }
        }
        return byName;
    }
}
