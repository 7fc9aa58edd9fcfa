package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool across processes: a JVM that exits during an outage (through the shutdown hook, with a
 * short {@code shutdownTimeout}) leaves every event for the next JVM; a JVM killed with SIGKILL in
 * the middle of an outage loses only the events not yet sealed into a batch.
 */
class SpoolCrashTest {
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    @TempDir
    Path temp;

    @Test
    void aJvmThatExitsDuringAnOutageLeavesEveryEventToTheNextJvm() throws Exception {
        Path spool = temp.resolve("spool");
        server.down();
        ChildJvm.Result first = ForkedLogback.run("spool-child.xml",
                Map.of("mockUrl", server.url(), "spoolDir", spool.toString(), "shutdownTimeout", "1s"), "exit", "20000");

        assertEquals(0, first.exitCode, first.output);
        assertTrue(first.output.contains("stopped: captured=20000 delivered=0"), first.output);
        assertTrue(first.output.contains("keptInSpool=20000"), first.output);
        assertFalse(first.output.contains("dropped["), first.output);
        assertFalse(first.output.contains("not delivered before shutdownTimeout"), first.output);

        server.up();
        ChildJvm.Result second = ForkedLogback.run("spool-child.xml",
                Map.of("mockUrl", server.url(), "spoolDir", spool.toString(), "shutdownTimeout", "60s"), "exit", "1000");

        assertEquals(0, second.exitCode, second.output);
        assertTrue(second.output.contains("stopped: captured=1000 delivered=21000"), second.output);
        assertTrue(second.output.contains("replayed=20000"), second.output);
        assertEquals(21_000, server.ingestedCount(), "each $insert_id once");
        assertEquals(0, server.duplicatesIngested());
        assertTrue(SpoolFiles.batchFiles(spool).isEmpty());
        Figures.report("spool, JVM exit in an outage", "a child JVM logged 20000 events with connections refused and exited "
                + "through the shutdown hook (shutdownTimeout 1s): 0 dropped, 20000 kept in the spool; the next JVM delivered "
                + "them and its own 1000, 21000 distinct $insert_id, no duplicate");
    }

    @Test
    void aJvmKilledDuringAnOutageLosesOnlyTheEventsNotYetSealed() throws Exception {
        Path spool = temp.resolve("spool");
        server.down();
        ChildJvm.Running child = ForkedLogback.start("spool-child.xml",
                Map.of("mockUrl", server.url(), "spoolDir", spool.toString(), "flushInterval", "200ms"), "paced", "10000000");
        try {
            int threeSeconds = 3 * ForkedLogging.PACED_PER_SECOND;
            Await.until(DELIVERY_BOUND, () -> loggedSoFar(child) >= threeSeconds, () -> "3 s of logging in the child");

            LogbackHarness intruder = fixture.configure("spool.xml", Map.of("mockUrl", server.url(), "spoolDir", spool.toString()));
            intruder.stop();
            assertTrue(intruder.messages(Status.ERROR).stream().anyMatch(m -> m.contains("spool directory " + spool
                    + " is in use: another process holds its lock")), intruder::statusText);
        } finally {
            child.process.destroyForcibly();
            assertTrue(child.process.waitFor(60, TimeUnit.SECONDS));
        }
        long loggedBeforeKill = loggedSoFar(child);
        assertTrue(child.process.exitValue() != 0, "killed, not ended");

        server.up();
        LogbackHarness next = fixture.configure("spool.xml", Map.of("mockUrl", server.url(), "spoolDir", spool.toString()));
        MixlogStats stats = next.stats();
        // the scan of what the killed JVM left runs on a thread of its own: its count is known once it says so
        next.awaitStatus(Status.INFO, "replaying ");
        long replayed = stats.replayed();
        Await.until(DELIVERY_BOUND, () -> stats.spooledBatches() == 0 && stats.delivered() + stats.droppedTotal() >= replayed,
                () -> "the spool emptied: " + stats);
        next.stop();

        long delivered = stats.delivered();
        Set<Integer> arrived = SpoolFiles.arrivedSeqs(server);
        assertEquals(delivered, arrived.size());
        assertEquals(replayed, delivered + stats.dropped(DropReason.SPOOL_CORRUPT), stats.toString());
        assertEquals(IntStream.range(0, (int) delivered).boxed().collect(Collectors.toCollection(TreeSet::new)), arrived,
                "every event sealed before the kill arrived: the first " + delivered + ", none missing");
        long lost = loggedBeforeKill - delivered;
        assertTrue(delivered >= 3 * ForkedLogging.PACED_PER_SECOND - 2 * ForkedLogging.PACED_PER_SECOND, "delivered " + delivered);
        assertTrue(lost <= 2 * ForkedLogging.PACED_PER_SECOND,
                "lost " + lost + " events: more than 2 s of logging at " + ForkedLogging.PACED_PER_SECOND + "/s (flushInterval 200ms)");
        assertTrue(SpoolFiles.batchFiles(spool).isEmpty());
        Figures.report("spool, kill -9 in an outage", "a child JVM logging " + ForkedLogging.PACED_PER_SECOND + " events/s "
                + "(flushInterval 200ms) was killed after logging at least " + loggedBeforeKill + " events: the next start "
                + "delivered the first " + delivered + ", none missing among them; lost: " + Math.max(0, lost)
                + " (the unsealed tail; at most " + (ForkedLogging.PACED_REPORT_EVERY - 1) + " more were logged unreported)");
    }

    private static long loggedSoFar(ChildJvm.Running child) {
        try {
            return child.outputSoFar().lines().filter(line -> line.startsWith("logged "))
                    .mapToLong(line -> Long.parseLong(line.substring("logged ".length()).trim())).max().orElse(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
