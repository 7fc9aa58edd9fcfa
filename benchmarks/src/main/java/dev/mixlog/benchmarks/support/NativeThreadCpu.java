package dev.mixlog.benchmarks.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of every thread of this process as Linux accounts it ({@code /proc/self/task/<tid>/stat}),
 * so the JVM's own threads (GC, JIT compilers) are seen too, grouped by kind. Clock-tick resolution
 * (10 ms); empty where {@code /proc} is not available.
 */
public final class NativeThreadCpu {
    /** Linux's USER_HZ, the unit of utime and stime. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private final Map<String, Long> ticksByTask = new HashMap<>();

    private NativeThreadCpu() {
    }

    public static NativeThreadCpu snapshot() {
        NativeThreadCpu cpu = new NativeThreadCpu();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return cpu;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                cpu.read(task);
            }
        } catch (IOException | RuntimeException unreadable) {
            cpu.ticksByTask.clear();
        }
        return cpu;
    }

    private void read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close);
            String[] fields = stat.substring(close + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            ticksByTask.put(task.getFileName() + " " + name, ticks);
        } catch (IOException | RuntimeException gone) {
            // the thread ended meanwhile
        }
    }

    /**
     * CPU nanoseconds used since {@code earlier}, by kind: {@code gc} (G1/GC threads), {@code jit}
     * (compiler threads) and {@code other} (Java threads and the rest).
     */
    public Map<String, Long> nanosByKindSince(NativeThreadCpu earlier) {
        Map<String, Long> byKind = new TreeMap<>();
        for (Map.Entry<String, Long> task : ticksByTask.entrySet()) {
            long ticks = task.getValue() - earlier.ticksByTask.getOrDefault(task.getKey(), 0L);
            byKind.merge(kind(task.getKey().substring(task.getKey().indexOf(' ') + 1)), ticks * NANOS_PER_TICK, Long::sum);
        }
        return byKind;
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "gc";
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        return "other";
    }
}
