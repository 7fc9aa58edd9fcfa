package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Run in a JVM of its own with a small heap by {@link LargeValuesFaultTest}: logs events each carrying
 * a fresh 2 MB value (an {@code int[]}, a {@code List<Long>}, a {@code Map}) to {@code -DmockUrl}, an
 * endpoint that hangs, and prints what was thrown, the ledger and the largest byte count the ring held.
 */
public final class ForkedLargeValues {
    private static final Marker MEASURED = MixpanelMarkers.event("Measured");

    private ForkedLargeValues() {
    }

    public static void main(String[] args) {
        int events = Integer.parseInt(args[0]);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        MixpanelAppender appender = (MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        MixlogStats stats = appender.getStats();
        Logger log = LoggerFactory.getLogger("com.example.lab.Samples");
        int thrown = 0;
        long maxBuffered = 0;
        for (int seq = 0; seq < events; seq++) {
            try {
                log.atInfo().addMarker(MEASURED).addKeyValue("seq", seq).addKeyValue("samples", twoMegabytes(seq)).log("measured");
            } catch (Throwable t) {
                thrown++;
            }
            maxBuffered = Math.max(maxBuffered, stats.bufferedBytes());
        }
        System.out.println("thrown " + thrown);
        System.out.println("maxBuffered " + maxBuffered);
        System.out.println("heapUsed " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        context.stop();
        System.out.println("logged " + events);
        System.out.println("delivered " + stats.delivered());
        System.out.println("dropped " + stats.droppedTotal());
        System.out.println("ringFull " + stats.dropped(DropReason.RING_FULL));
        System.out.println("shutdown " + stats.dropped(DropReason.SHUTDOWN));
    }

    /** A new value of about 2 MB: in turn an {@code int[]}, a {@code List<Long>} and a {@code Map<String, Long>}. */
    private static Object twoMegabytes(int seq) {
        switch (seq % 3) {
            case 0:
                return new int[512 * 1024];
            case 1:
                List<Long> longs = new ArrayList<>(100_000);
                for (long i = 0; i < 100_000; i++) {
                    longs.add(i * 1_000_003L);
                }
                return longs;
            default:
                Map<String, Long> map = new HashMap<>();
                for (long i = 0; i < 20_000; i++) {
                    map.put("k" + i, i * 1_000_003L);
                }
                return map;
        }
    }
}
