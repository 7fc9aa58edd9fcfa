package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JVM that exits without stopping Logback: Mixlog's shutdown hook delivers what is buffered; with
 * the endpoint down it gives up within {@code shutdownTimeout}, says how many events were lost, and
 * the JVM still exits (no non-daemon thread holds it).
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class ShutdownHookFaultTest {
    private static final int EVENTS = 20_000;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void theShutdownHookDeliversEverythingBufferedAtExit() throws Exception {
        ChildJvm.Result child = ForkedLogback.run("fault-hook.xml", Map.of("mockUrl", server.url()), "exit", String.valueOf(EVENTS));

        assertEquals(0, child.exitCode, child.output);
        assertEquals(EVENTS, server.ingestedCount(), child.output);
        assertTrue(child.output.contains("stopped: captured=" + EVENTS + " delivered=" + EVENTS), child.output);
        Figures.report("JVM shutdown hook", "a child JVM logged " + EVENTS + " events and returned from main without stopping "
                + "Logback: all " + EVENTS + " arrived; it exited " + (child.endedAtMillis - ForkedLogback.loggedAtMillis(child))
                + " ms after its last logging call");
    }

    @Test
    void withTheEndpointDownTheHookGivesUpWithinShutdownTimeoutAndCountsTheLoss() throws Exception {
        server.down();
        ChildJvm.Result child = ForkedLogback.run("fault-hook.xml",
                Map.of("mockUrl", server.url(), "shutdownTimeout", "2s"), "exit", String.valueOf(EVENTS));

        long exitDelay = child.endedAtMillis - ForkedLogback.loggedAtMillis(child);
        assertEquals(0, child.exitCode, child.output);
        assertTrue(child.output.contains(EVENTS + " events were not delivered before shutdownTimeout (PT2S)"), child.output);
        assertTrue(exitDelay < 2000 + 1500, "exited " + exitDelay + " ms after logging, shutdownTimeout 2 s");
        Figures.report("JVM shutdown hook, endpoint down", "a child JVM logged " + EVENTS + " events with connections refused "
                + "and exited " + exitDelay + " ms after its last call (shutdownTimeout 2 s), reporting " + EVENTS
                + " events not delivered");
    }

    @Test
    void logbacksOwnHookWithNoStatusListenerPrintsTheLossOnStandardError() throws Exception {
        server.down();
        ChildJvm.Result child = ForkedLogback.run("logback-shutdown-hook.xml",
                Map.of("mockUrl", server.url(), "shutdownTimeout", "2s"), "exit", String.valueOf(EVENTS));

        assertEquals(0, child.exitCode, child.output);
        String expected = EVENTS + " events were not delivered before shutdownTimeout (PT2S)";
        List<String> lines = child.output.lines().filter(line -> line.contains(expected)).collect(Collectors.toList());
        assertEquals(1, lines.size(), child.output);
        assertTrue(lines.get(0).startsWith("WARN Mixpanel appender [MIXPANEL]: stopped: "), child.output);
        assertTrue(!child.output.contains("fault-suite-token-6f1d2e9a"), child.output);
        Figures.report("Logback <shutdownHook/>, no status listener, endpoint down", "the loss of " + EVENTS
                + " events printed once on standard error: " + lines.get(0).replaceAll("stopped: .*; ", "stopped: ...; "));
    }
}
