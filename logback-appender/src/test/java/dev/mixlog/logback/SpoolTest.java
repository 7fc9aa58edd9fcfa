package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * The spool ({@code spoolDirectory}) with real files and a real loopback server: an outage and a
 * stop lose nothing and the next start delivers it all once; damaged files are cut, set aside and
 * counted; {@code spoolMaxBytes} holds; a directory that cannot be used never stops delivery from
 * memory; one directory takes one appender. Every test checks
 * {@code delivered + dropped + keptInSpool == logged + replayed}.
 */
class SpoolTest {
    private static final Marker CHECKED_OUT = MixpanelMarkers.event("Checked Out");
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    @TempDir
    Path temp;

    private Map<String, String> properties(Path spool, String... more) {
        Map<String, String> properties = new HashMap<>();
        properties.put("mockUrl", server.url());
        properties.put("spoolDir", spool.toString());
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    private static void logCheckouts(Logger log, int from, int to) {
        for (int seq = from; seq < to; seq++) {
            log.atInfo().addMarker(CHECKED_OUT).addKeyValue("seq", seq).log("checked out");
        }
    }

    private static void assertAccounted(MixlogStats stats, long logged) {
        assertEquals(logged + stats.replayed(), stats.delivered() + stats.droppedTotal() + stats.keptInSpool(),
                "delivered + dropped + kept == logged + replayed: " + stats);
    }

    /** Waits until the appender has settled everything it holds, spool included. */
    private static void awaitSpoolEmptied(MixlogStats stats, long toSettle) {
        Await.until(DELIVERY_BOUND, () -> stats.spooledBatches() == 0 && stats.delivered() + stats.droppedTotal() >= toSettle,
                () -> "the spool emptied: " + stats);
    }

    @Test
    void anOutageAndAStopLoseNothingAndTheNextStartDeliversEveryEventOnce() throws IOException {
        Path spool = temp.resolve("spool");
        server.down();
        LogbackHarness first = fixture.configure("spool.xml", properties(spool));
        logCheckouts(first.logger(), 0, 20_000);

        first.stop();

        MixlogStats before = first.stats();
        assertEquals(0, before.delivered());
        assertEquals(0, before.droppedTotal(), before.toString());
        assertEquals(20_000, before.keptInSpool());
        assertAccounted(before, 20_000);
        assertFalse(SpoolFiles.batchFiles(spool).isEmpty());
        assertTrue(first.messages(Status.WARN).stream().anyMatch(m -> m.contains("20000 events in")
                && m.contains("stay in spool")), first::statusText);
        assertTrue(first.messages(Status.WARN).stream().noneMatch(m -> m.contains("not delivered before shutdownTimeout")),
                first::statusText);

        server.up();
        LogbackHarness second = fixture.configure("spool.xml", properties(spool));
        logCheckouts(second.logger(), 20_000, 20_100);
        MixlogStats after = second.stats();
        awaitSpoolEmptied(after, 20_100);
        second.stop();

        assertEquals(20_000, after.replayed());
        assertEquals(20_100, after.delivered());
        assertAccounted(after, 100);
        assertEquals(20_100, server.ingestedCount(), "each $insert_id once");
        assertEquals(0, server.duplicatesIngested());
        assertEquals(20_100, SpoolFiles.arrivedSeqs(server).size());
        assertTrue(SpoolFiles.batchFiles(spool).isEmpty(), "settled batches leave no file");
        assertTrue(second.messages(Status.INFO).stream().anyMatch(m -> m.contains("replaying 20000 events")), second::statusText);
        assertTrue(server.violations().isEmpty(), server.violations().toString());
    }

    @Test
    void flushReturnsOnceTheSpooledBatchesAreDelivered() {
        server.answerWith(request -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            return Reply.asMixpanelWould(request);
        });
        LogbackHarness logback = fixture.configure("spool.xml", properties(temp.resolve("spool"), "maxBatchEvents", "50"));
        logCheckouts(logback.logger(), 0, 1_000);

        assertTrue(logback.appender().flush(DELIVERY_BOUND));

        assertEquals(1_000, logback.stats().delivered(), "20 batches through 4 senders, each reply 20 ms late " + logback.stats());
        assertEquals(0, logback.stats().spooledBatches());
        logback.stop();
        assertAccounted(logback.stats(), 1_000);
    }

    /**
     * Damage of every kind a disk or a crash leaves: a torn tail, a flipped byte in a record, a damaged
     * header (its events still counted: the records' lengths lead to the file's end), an empty file and
     * one cut to a few bytes (their count cannot be told: the files are counted), a foreign file. Every
     * event that can be told is counted once; a third start reports and counts none of it again.
     */
    @Test
    void damagedFilesAreCutOrSetAsideAndCountedAndTheRestIsDelivered() throws IOException {
        Path spool = temp.resolve("spool");
        server.down();
        LogbackHarness first = fixture.configure("spool.xml", properties(spool, "maxBatchEvents", "100"));
        logCheckouts(first.logger(), 0, 2_000);
        first.stop();
        List<Path> files = SpoolFiles.batchFiles(spool);
        assertEquals(20, files.size());
        assertEquals(2_000, first.stats().keptInSpool());

        Path torn = files.get(3);
        try (RandomAccessFile file = new RandomAccessFile(torn.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        flipByte(files.get(7), Files.size(files.get(7)) - 10);
        flipByte(files.get(11), 9);
        Files.write(files.get(13), new byte[0]);
        try (RandomAccessFile file = new RandomAccessFile(files.get(15).toFile(), "rw")) {
            file.setLength(5);
        }
        Files.writeString(spool.resolve("notes.txt"), "not a batch");

        server.up();
        LogbackHarness second = fixture.configure("spool.xml", properties(spool, "maxBatchEvents", "100"));
        MixlogStats stats = second.stats();
        awaitSpoolEmptied(stats, 1_800);
        second.stop();

        long unreadable = stats.dropped(DropReason.SPOOL_CORRUPT);
        assertEquals(1_800, stats.replayed(), "all but the empty file and the one cut to 5 bytes, whose counts cannot be told");
        assertTrue(unreadable >= 102 && unreadable <= 201,
                "the damaged header's 100, the torn file's tail and one flipped record: " + unreadable);
        assertEquals(1_800 - unreadable, stats.delivered());
        assertEquals(4, stats.spoolFilesSetAside(), "the damaged header, the empty file, the cut one and the foreign file");
        assertAccounted(stats, 0);
        assertEquals(stats.delivered(), server.ingestedCount());
        assertEquals(0, server.duplicatesIngested());
        for (int damaged : new int[] {11, 13, 15}) {
            assertTrue(Files.exists(spool.resolve(files.get(damaged).getFileName() + ".corrupt")));
        }
        assertTrue(Files.exists(spool.resolve("notes.txt")), "a file Mixlog did not write is left alone");
        assertTrue(SpoolFiles.batchFiles(spool).isEmpty());
        String warnings = String.join("\n", second.messages(Status.WARN));
        assertTrue(warnings.contains("set aside as " + files.get(11).getFileName() + ".corrupt; its 100 events are counted"), warnings);
        assertTrue(warnings.contains("set aside as " + files.get(13).getFileName() + ".corrupt; how many events it held cannot be told"), warnings);
        assertTrue(warnings.contains("set aside as " + files.get(15).getFileName() + ".corrupt; how many events it held cannot be told"), warnings);
        assertTrue(warnings.contains("Mixlog did not write, left alone and not reported again: notes.txt"), warnings);
        assertTrue(warnings.contains(files.get(7).getFileName() + " in " + spool + " is damaged: 1 of its 100 events"), warnings);
        assertTrue(warnings.contains(torn.getFileName() + " in " + spool + " is damaged"), warnings);

        LogbackHarness third = fixture.configure("spool.xml", properties(spool, "maxBatchEvents", "100"));
        third.awaitStatus(Status.INFO, "opened, nothing in it to replay");
        third.logger().atInfo().addMarker(CHECKED_OUT).addKeyValue("seq", 0).log("checked out");
        assertTrue(third.appender().flush(DELIVERY_BOUND));
        third.stop();
        assertEquals(0, third.stats().replayed());
        assertEquals(0, third.stats().spoolFilesSetAside(), "nothing counted again");
        assertEquals(List.of(), third.messages(Status.WARN), "nothing reported again");
        assertAccounted(third.stats(), 1);
        Figures.report("spool, damaged files", "20 files of 100 events: one cut in half, one with a flipped byte, one with a "
                + "damaged header, one emptied, one cut to 5 bytes, and a foreign file: " + stats.delivered() + " delivered, "
                + unreadable + " counted as unreadable in the spool, 4 files set aside (2 of unknown count), 0 exceptions; "
                + "a third start: nothing reported or counted again");
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            bytes.seek(position);
            int value = bytes.read();
            bytes.seek(position);
            bytes.write(value ^ 0x5A);
        }
    }

    @Test
    void spoolMaxBytesHoldsThroughALongOutageAndTheOldestBatchesGoFirst() throws IOException {
        Path spool = temp.resolve("spool");
        long bound = 64 * 1024;
        server.down();
        LogbackHarness logback = fixture.configure("spool.xml",
                properties(spool, "maxBatchEvents", "20", "spoolMaxBytes", "64KiB"));
        MixlogStats stats = logback.stats();
        for (int round = 0; round < 10; round++) {
            logCheckouts(logback.logger(), round * 500, (round + 1) * 500);
            int logged = (round + 1) * 500;
            Await.until(() -> stats.captured() == logged && stats.spooledBatches() > 0, "events taken and spooled");
            assertTrue(stats.spooledBytes() <= bound, "spooled " + stats.spooledBytes() + " bytes, bound " + bound);
            assertTrue(SpoolFiles.batchBytes(spool) <= bound, "on disk " + SpoolFiles.batchBytes(spool) + " bytes, bound " + bound);
        }

        logback.stop();

        assertTrue(stats.dropped(DropReason.SPOOL_FULL) > 0, stats.toString());
        long bytesAtStop = SpoolFiles.batchBytes(spool);
        assertTrue(bytesAtStop <= bound);
        assertEquals(stats.dropped(DropReason.SPOOL_FULL), stats.droppedTotal(), "no other reason: " + stats);
        assertAccounted(stats, 5_000);
        assertTrue(logback.messages(Status.WARN).stream().anyMatch(m -> m.contains("is full (spoolMaxBytes 65536)")),
                logback::statusText);

        server.up();
        LogbackHarness next = fixture.configure("spool.xml", properties(spool, "maxBatchEvents", "20", "spoolMaxBytes", "64KiB"));
        awaitSpoolEmptied(next.stats(), stats.keptInSpool());
        next.stop();
        Set<Integer> arrived = SpoolFiles.arrivedSeqs(server);
        assertEquals(stats.keptInSpool(), arrived.size());
        assertEquals(5_000 - stats.dropped(DropReason.SPOOL_FULL), arrived.size());
        assertTrue(arrived.contains(4_999), "the newest events are kept; older waiting batches made room");
        Figures.report("spool, spoolMaxBytes 64KiB in an outage", "5000 events in batches of 20: "
                + bytesAtStop + " bytes of batch files at stop, never over 65536 when sampled; "
                + stats.dropped(DropReason.SPOOL_FULL) + " dropped as spool full, " + stats.keptInSpool()
                + " kept and delivered at the next start");
    }

    @Test
    void aDirectoryThatCannotBeMadeLeavesDeliveryFromMemoryRunning() throws IOException {
        Path aFile = Files.writeString(temp.resolve("a-file"), "in the way");
        LogbackHarness logback = fixture.configure("spool.xml", properties(aFile.resolve("spool")));
        logCheckouts(logback.logger(), 0, 500);
        server.awaitIngested(500, DELIVERY_BOUND);
        logback.stop();

        assertEquals(500, logback.stats().delivered());
        assertAccounted(logback.stats(), 500);
        assertTrue(logback.messages(Status.WARN).stream().anyMatch(m -> m.contains("spool directory " + aFile.resolve("spool")
                + " cannot be used") && m.contains("running without a spool")), logback::statusText);
    }

    @Test
    void aDirectoryThatFailsWhileRunningLeavesDeliveryFromMemoryRunning() throws IOException {
        Path spool = temp.resolve("spool");
        LogbackHarness logback = fixture.configure("spool.xml", properties(spool));
        MixlogStats stats = logback.stats();
        logCheckouts(logback.logger(), 0, 200);
        server.awaitIngested(200, DELIVERY_BOUND);
        Await.until(() -> stats.spooledBatches() == 0, "the spooled batches settled");
        try (Stream<Path> files = Files.list(spool)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
        Files.delete(spool);
        Files.writeString(spool, "the directory is gone; a file took its place");

        logCheckouts(logback.logger(), 200, 400);
        server.awaitIngested(400, DELIVERY_BOUND);
        logback.stop();

        assertEquals(400, stats.delivered());
        assertTrue(stats.spoolWriteFailures() > 0);
        assertAccounted(stats, 400);
        assertTrue(logback.messages(Status.WARN).stream().anyMatch(m -> m.contains("cannot write to spool directory " + spool)
                && m.contains("sent from memory")), logback::statusText);
    }

    /**
     * Two appenders on one directory: each opens the spool on a thread of its own, so either may get
     * it; the other runs without it, says which appender holds it, and after its shutdownTimeout (1 s)
     * and 5 s more, that it gives up. Both deliver every event.
     */
    @Test
    void aSecondAppenderOnTheSameDirectoryRunsWithoutTheSpoolAndSaysWhy() throws IOException {
        Path spool = temp.resolve("spool");
        LogbackHarness logback = fixture.configure("spool-shared-directory.xml", properties(spool));
        ch.qos.logback.classic.Logger root = logback.context().getLogger(Logger.ROOT_LOGGER_NAME);
        logCheckouts(logback.logger(), 0, 100);
        server.awaitIngested(200, DELIVERY_BOUND);
        String holder = logback.messages(Status.INFO).stream().filter(m -> m.contains(": spool " + spool + " opened"))
                .map(m -> m.substring(m.indexOf('[') + 1, m.indexOf(']'))).findFirst().orElseThrow(() -> new AssertionError(
                        "neither appender opened the spool:\n" + logback.statusText()));
        MixpanelAppender holding = (MixpanelAppender) root.getAppender(holder);
        MixpanelAppender other = (MixpanelAppender) root.getAppender(holder.equals("MIXPANEL") ? "SECOND" : "MIXPANEL");
        assertTrue(logback.messages(Status.INFO).stream().anyMatch(m -> m.contains("[" + other.getName() + "]: spool directory "
                + spool + " is still in use (appender " + holder + " in this JVM uses it")), logback::statusText);
        logback.awaitStatus(Status.ERROR, "spool directory " + spool + " is in use: appender " + holder + " in this JVM uses it");
        logback.stop();

        assertEquals(100, holding.getStats().delivered());
        assertEquals(100, other.getStats().delivered());
        assertEquals(0, other.getStats().spooledBatches());
        assertAccounted(other.getStats(), 100);
        assertAccounted(holding.getStats(), 100);
    }

    @Test
    void aReloadHandsTheDirectoryToTheNewAppenderWhichSendsWhatTheOldOneKept() throws Exception {
        Path spool = temp.resolve("spool");
        server.down();
        LogbackHarness logback = fixture.configure("spool.xml", properties(spool));
        MixlogStats old = logback.stats();
        logCheckouts(logback.logger(), 0, 1_000);
        Await.until(() -> old.captured() == 1_000, "the old appender took every event");

        LoggerContext context = logback.context();
        context.reset();
        properties(spool).forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SpoolTest.class.getResource("/logback/spool.xml"));
        MixpanelAppender reloaded = (MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        logCheckouts(logback.logger(), 1_000, 1_500);
        MixlogStats stats = reloaded.getStats();
        Await.until(DELIVERY_BOUND, () -> old.keptInSpool() == 1_000 && stats.replayed() == 1_000,
                () -> "the old appender kept its events in the spool and let go of it; the new one opened it: " + old
                        + " / " + stats + "\n" + logback.statusText());
        server.up();

        Await.until(DELIVERY_BOUND, () -> stats.delivered() == 1_500, () -> "everything sent: " + stats);
        logback.stop();

        assertEquals(0, old.delivered() + old.droppedTotal(), old.toString());
        assertEquals(1_000, old.keptInSpool());
        assertAccounted(stats, 500);
        assertEquals(1_500, server.ingestedCount());
        assertEquals(Set.copyOf(java.util.stream.IntStream.range(0, 1_500).boxed().collect(Collectors.toList())),
                SpoolFiles.arrivedSeqs(server));
        assertTrue(SpoolFiles.batchFiles(spool).isEmpty());
        assertTrue(logback.messages(Status.ERROR).stream().noneMatch(m -> m.contains("spool")), logback::statusText);
    }
}
