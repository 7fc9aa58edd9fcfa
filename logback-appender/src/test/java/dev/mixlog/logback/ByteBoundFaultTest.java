package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * A flood of large events while the server hangs: the ring holds at most {@code maxBufferBytes} of
 * them (estimated), the rest is dropped and counted as ring full, and the heap stays small.
 */
class ByteBoundFaultTest {
    private static final Marker UPLOADED = MixpanelMarkers.event("Document Uploaded");
    private static final long MAX_BUFFER_BYTES = 32L * 1024 * 1024;
    private static final int EVENTS = 2000;
    private static final int CHARS = 1_000_000;
    /** Room for what is not in the ring: the consumer's batches, the test's own allocations, GC leeway. */
    private static final long HEAP_SLACK = 96L * 1024 * 1024;

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void largeEventsNeverFillTheHeap() {
        server.hang();
        logback = fixture.configure("fault-byte-bound.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        long peakBuffered = 0;
        for (int seq = 0; seq < EVENTS; seq++) {
            String document = Character.toString('a' + seq % 26).repeat(CHARS);
            log.atInfo().addMarker(UPLOADED).addKeyValue("seq", seq).addKeyValue("document", document).log("uploaded");
            long buffered = stats.bufferedBytes();
            assertTrue(buffered <= MAX_BUFFER_BYTES, "the ring holds " + buffered + " bytes of large events");
            peakBuffered = Math.max(peakBuffered, buffered);
        }
        System.gc();
        long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;

        long ringFull = stats.dropped(DropReason.RING_FULL);
        long taken = EVENTS - ringFull;
        assertTrue(ringFull > EVENTS * 9 / 10, "most large events were dropped: " + stats);
        assertTrue(heapGrowth < MAX_BUFFER_BYTES + HEAP_SLACK, "the heap grew by " + heapGrowth / (1024 * 1024) + " MiB");

        server.release();
        Await.until(Duration.ofSeconds(60), () -> stats.delivered() + stats.droppedTotal() >= EVENTS, stats::toString);
        assertEquals(taken, stats.delivered());
        assertEquals(taken, server.ingestedCount(), "what was not dropped arrived");
        for (JsonNode event : server.ingestedEvents()) {
            assertEquals(255, event.path("properties").path("document").asText().length());
        }
        Figures.report("byte bound", EVENTS + " events with " + CHARS + "-character strings (~2 MB each, estimated) while "
                + "the server hung, maxBufferBytes 32 MiB: at most " + peakBuffered / (1024 * 1024) + " MiB waited in the ring, "
                + ringFull + " dropped as ring full, " + taken + " delivered; heap grew by " + heapGrowth / (1024 * 1024)
                + " MiB (unbounded, the ring's 1024 slots would have held ~1 GB)");
    }
}
