package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server whose replies have a 64 MB body, or one that never ends, with the client in a JVM of
 * {@code -Xmx128m}: at most 64 KiB of each reply is read, the connection is then closed (the server
 * sees every such reply cut short), no
 * {@code OutOfMemoryError} occurs, every event is delivered once, and the heap barely grows.
 */
class HugeReplyFaultTest {
    private static final int EVENTS = 2000;
    /** More heap kept after the huge replies than after ordinary ones: GC noise, far below one reply's size. */
    private static final long EXTRA_RETAINED_BOUND = 4L * 1024 * 1024;

    @ParameterizedTest(name = "reply body {0}")
    @ValueSource(strings = {"67108864", "endless"})
    void hugeReplyBodiesCostLittleMemoryAndLoseNothing(String body) throws Exception {
        ChildJvm.Result child = ChildJvm.run(HugeReplyScenario.class, List.of("-Xmx128m"), body, String.valueOf(EVENTS));

        assertEquals(0, child.exitCode, child.output);
        assertTrue(!child.output.contains("OutOfMemoryError"), child.output);
        assertEquals(0, child.number("thrown"), child.output);
        assertEquals(EVENTS, child.number("delivered"), child.output);
        assertEquals(0, child.number("dropped"), child.output);
        assertEquals(EVENTS, child.number("ingested"), child.output);
        assertEquals(0, child.number("duplicates"), child.output);
        assertEquals(0, child.number("retries"), child.output);
        assertEquals(child.number("requests"), child.number("cutShort"), "every huge reply cut off by the client:\n" + child.output);
        long retained = child.number("heapRetainedGrowth");
        long extra = retained - child.number("controlRetainedGrowth");
        assertTrue(extra < EXTRA_RETAINED_BOUND, () -> "heap retained beyond the control run: " + extra + " B\n" + child.output);
        Figures.report("huge reply bodies: " + body, EVENTS + " events at -Xmx128m, each reply's body "
                + (body.equals("endless") ? "endless" : Long.parseLong(body) / (1024 * 1024) + " MB") + ": all delivered once in "
                + child.number("requests") + " requests, 0 retries, no OutOfMemoryError; heap peak +"
                + child.number("heapPeakGrowth") / 1024 + " KiB; heap kept after the run +" + Math.max(0, retained) / 1024
                + " KiB against +" + Math.max(0, child.number("controlRetainedGrowth")) / 1024 + " KiB with ordinary replies");
    }
}
