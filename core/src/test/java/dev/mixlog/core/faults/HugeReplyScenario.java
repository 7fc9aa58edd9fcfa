package dev.mixlog.core.faults;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;

/**
 * Run in a JVM of its own with a small heap by {@link HugeReplyFaultTest}: logs events to a server
 * whose every reply has a huge (or endless) body, and prints the ledger and the heap it took.
 */
public final class HugeReplyScenario {
    private HugeReplyScenario() {
    }

    /**
     * Arguments: the reply body's size in bytes ({@code endless} for a body that never ends), and the
     * event count. A control run with ordinary replies comes first, so that what the test server keeps
     * of the events it ingests is measured apart from what the huge replies cost.
     */
    public static void main(String[] args) {
        long bodyBytes = args[0].equals("endless") ? Long.MAX_VALUE : Long.parseLong(args[0]);
        int events = Integer.parseInt(args[1]);
        long start = heapAfterGc();
        run(events, null);
        long control = heapAfterGc() - start;
        resetPeaks();
        long beforeHuge = heapAfterGc();
        run(events, Reply.acceptWithHugeBody(bodyBytes));
        long huge = heapAfterGc() - beforeHuge;
        System.out.println("heapPeakGrowth " + Math.max(0, peakHeap() - beforeHuge));
        System.out.println("controlRetainedGrowth " + control);
        System.out.println("heapRetainedGrowth " + huge);
    }

    /** Logs the events to a server answering each request with the fault ({@code null}: Mixpanel's 200); prints the ledger. */
    private static void run(int events, Reply fault) {
        String phase = fault == null ? "control " : "";
        try (LoopbackMixpanel server = LoopbackMixpanel.start()) {
            if (fault != null) {
                server.answerWith(arrival -> fault);
            }
            long thrown = 0;
            try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_BATCH_EVENTS, "100"))) {
                for (int seq = 0; seq < events; seq++) {
                    try {
                        pipeline.log(TestEvent.numbered(seq));
                    } catch (Throwable t) {
                        thrown++;
                    }
                }
                pipeline.awaitSettled(events);
                MixlogStats stats = pipeline.stats();
                System.out.println(phase + "logged " + events);
                System.out.println(phase + "thrown " + thrown);
                System.out.println(phase + "delivered " + stats.delivered());
                System.out.println(phase + "dropped " + stats.droppedTotal());
                System.out.println(phase + "retries " + stats.retried());
                System.out.println(phase + "ingested " + server.ingestedCount());
                System.out.println(phase + "duplicates " + server.duplicatesIngested());
                System.out.println(phase + "requests " + server.requestCount());
                if (fault != null) {
                    // the server learns that the client closed when its next write fails: give the last one a moment
                    Await.until(Duration.ofSeconds(10), () -> server.repliesCutShort() >= server.requestCount(),
                            () -> server.repliesCutShort() + " of " + server.requestCount() + " replies cut short");
                }
                System.out.println(phase + "cutShort " + server.repliesCutShort());
            }
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
