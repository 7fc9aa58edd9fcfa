package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.spool.SpoolFileMaker;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool under what production disks and long outages do to it: a spool of many small batches
 * (a low event rate, a small {@code maxBatchEvents}) is bounded by the disk its files take, not by
 * their bytes; its scan at start runs on no application thread; its replay takes few requests; a
 * sequence near its end is renumbered instead of wrapping. Real files, a real loopback server, and
 * {@code delivered + dropped + keptInSpool == logged + replayed} in each.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class SpoolFaultTest {
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;
    @TempDir
    Path temp;

    private MixlogSettings spoolSettings(Path spool) {
        return Pipeline.settings(server).text(Settings.SPOOL_DIRECTORY, spool.toString()).text(Settings.SHUTDOWN_TIMEOUT, "1s");
    }

    private static void assertAccounted(MixlogStats stats, long logged) {
        assertEquals(logged + stats.replayed(), stats.delivered() + stats.droppedTotal() + stats.keptInSpool(),
                () -> "delivered + dropped + kept == logged + replayed: " + stats);
    }

    private static List<Path> batchFiles(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".batch")).sorted().collect(Collectors.toList());
        }
    }

    private static boolean noBatchFile(Path spool) {
        try {
            return batchFiles(spool).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void thirtyThousandOneEventFilesAreReplayedInAFewRequestsWithinSeconds() throws IOException {
        int files = 30_000;
        Path spool = temp.resolve("spool");
        SpoolFileMaker.oneEventFiles(spool, files, 0, 0);

        long started = System.nanoTime();
        try (Pipeline pipeline = Pipeline.start(spoolSettings(spool))) {
            long startTook = System.nanoTime() - started;
            MixlogStats stats = pipeline.stats();
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.replayed() == files && stats.delivered() + stats.droppedTotal() >= files,
                    () -> "30,000 replayed events settled: " + stats);
            long replayTook = System.nanoTime() - started;

            assertEquals(files, stats.delivered(), stats::toString);
            assertEquals(files, server.ingestedCount());
            BitSet all = new BitSet();
            all.set(0, files);
            assertEquals(all, Pipeline.seqs(server.ingestedEvents()));
            int requests = server.requestCount();
            assertTrue(requests <= 2 * files / 2000, "replayed 2,000 events a request (files coalesced): " + requests + " requests");
            Await.until(Duration.ofSeconds(30), () -> noBatchFile(spool), () -> "every file removed");
            pipeline.close();
            assertAccounted(stats, 0);
            Figures.report("spool, 30,000 one-event files", "start returned in " + Figures.millis(startTook) + " ms; all "
                    + files + " delivered in " + requests + " requests, " + Figures.millis(replayTook) + " ms after the start");
        }
    }

    /**
     * The start-up scan opens every batch file. One that blocks on open (a named pipe with no writer)
     * would hold the application's start for good if the scan ran on the starting thread; the start
     * returns, events go from memory meanwhile, and the spool opens once the file gives way.
     */
    @Test
    void theStartUpScanRunsOnNoApplicationThread() throws Exception {
        Path spool = temp.resolve("spool");
        Files.createDirectories(spool);
        Path pipe = spool.resolve("0000000000000000000.batch");
        assumeTrue(makeNamedPipe(pipe), "mkfifo is there to make a file whose open blocks");
        try {
            CompletableFuture<Pipeline> starting = CompletableFuture.supplyAsync(() -> Pipeline.start(spoolSettings(spool)));
            try (Pipeline pipeline = starting.get(30, TimeUnit.SECONDS)) {
                MixlogStats stats = pipeline.stats();
                assertEquals(100, pipeline.logNumbered(0, 100).cardinality());
                assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), stats::toString);
                assertEquals(100, stats.delivered(), "sent from memory while the spool is not open");

                unblock(pipe);
                Await.until(Pipeline.SETTLE_BOUND, () -> Files.exists(spool.resolve(pipe.getFileName() + ".corrupt")),
                        () -> "the pipe set aside: " + pipeline.status());
                pipeline.close();
                assertEquals(1, stats.spoolFilesSetAside());
                assertAccounted(stats, 100);
                pipeline.assertLedger(100, server);
            }
        } finally {
            unblock(pipe);
        }
    }

    private static boolean makeNamedPipe(Path pipe) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
            return mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0 && Files.exists(pipe);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Opens the pipe for writing (which lets the reader's open return), writes a few bytes that are no header, closes it. */
    private static void unblock(Path pipe) {
        if (!Files.exists(pipe)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try (OutputStream out = new FileOutputStream(pipe.toFile())) {
                out.write("not a header".getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // set aside meanwhile
            }
        });
    }

    /**
     * Batch files named near {@code Long.MAX_VALUE} (a damaged or crafted name) once made the next
     * names wrap to negative numbers, which the next start took for foreign files: 500 events left
     * undelivered. The files are renumbered from 0 at start, in order, and every event is delivered.
     */
    @Test
    void aSequenceNearItsEndIsRenumberedAndEveryEventKept() throws IOException {
        Path spool = temp.resolve("spool");
        SpoolFileMaker.oneEventFiles(spool, 3, Long.MAX_VALUE - 3, 10_000);
        server.down();
        MixlogStats first;
        try (Pipeline pipeline = Pipeline.start(spoolSettings(spool).text(Settings.MAX_BATCH_EVENTS, "100"))) {
            first = pipeline.stats();
            assertEquals(500, pipeline.logNumbered(0, 500).cardinality());
            Await.until(Pipeline.SETTLE_BOUND, () -> first.captured() == 500 && first.spooledBatches() == 8,
                    () -> "5 new files beside the 3 found: " + first);
        }
        assertEquals(503, first.keptInSpool(), first::toString);
        assertAccounted(first, 500);
        List<String> names = batchFiles(spool).stream().map(file -> file.getFileName().toString()).collect(Collectors.toList());
        assertEquals(8, names.size(), names::toString);
        assertTrue(names.stream().noneMatch(name -> name.startsWith("-")), names::toString);
        assertEquals("0000000000000000000.batch", names.get(0), "renumbered from 0, oldest first");

        server.up();
        try (Pipeline pipeline = Pipeline.start(spoolSettings(spool))) {
            MixlogStats stats = pipeline.stats();
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.delivered() + stats.droppedTotal() >= 503, stats::toString);
            pipeline.close();
            assertEquals(503, stats.replayed());
            assertEquals(503, stats.delivered(), stats::toString);
            assertAccounted(stats, 0);
        }
        BitSet expected = new BitSet();
        expected.set(0, 500);
        expected.set(10_000, 10_003);
        assertEquals(expected, Pipeline.seqs(server.ingestedEvents()));
        assertEquals(0, server.duplicatesIngested());
    }

    /**
     * One-event batches during an outage: each file holds about 300 bytes and takes a 4 KiB block.
     * {@code spoolMaxBytes} once bounded the bytes (a 64 MiB tmpfs filled under a 256 MiB bound); it
     * bounds the blocks the files take on disk, as {@code stat} counts them.
     */
    @Test
    void spoolMaxBytesBoundsTheDiskTheFilesTake() throws IOException {
        Path spool = temp.resolve("spool");
        long maxBytes = 256 * 1024;
        int events = 2_000;
        server.down();
        try (Pipeline pipeline = Pipeline.start(spoolSettings(spool).text(Settings.MAX_BATCH_EVENTS, "1")
                .text(Settings.SPOOL_MAX_BYTES, String.valueOf(maxBytes)).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)))) {
            MixlogStats stats = pipeline.stats();
            assertEquals(events, pipeline.logNumbered(0, events).cardinality());
            // every event is a file on disk or pushed out of the full spool, but the few sent from memory before it opened
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.captured() == events
                    && stats.dropped(DropReason.SPOOL_FULL) + stats.spooledBatches() >= events - 4, stats::toString);
            long allocated = allocatedBytes(batchFiles(spool));
            assumeTrue(allocated >= 0, "stat counts allocated blocks here");
            assertTrue(allocated <= maxBytes, "the batch files take " + allocated + " bytes on disk, over " + maxBytes);
            assertTrue(stats.spooledBytes() <= maxBytes, stats::toString);
            assertTrue(stats.dropped(DropReason.SPOOL_FULL) > 0, stats::toString);
            pipeline.close();
            assertAccounted(stats, events);
            Figures.report("spool, one-event batches", events + " events in one-event files, spoolMaxBytes 256 KiB: the files took "
                    + allocated + " bytes of disk (stat); " + stats.dropped(DropReason.SPOOL_FULL) + " pushed out of the full spool");
        }
    }

    /**
     * A stop while a sender reads a request's files back, one of them gone (counted as unreadable in
     * the spool) and the next one unreadable for now (a directory where the file was; retried): only
     * the members not yet counted are kept for the next start, so every replayed event is counted
     * once. The stop once kept the whole request, counting the gone file's events twice.
     */
    @Test
    void aStopDuringReadBackCountsEachSpooledEventOnce() throws Exception {
        Path spool = temp.resolve("spool");
        SpoolFileMaker.oneEventFiles(spool, 1, 0, 0);
        long fileBytes = Files.size(batchFiles(spool).get(0));
        int perRequest = (int) (1024 / fileBytes);
        int files = 3 * perRequest;
        SpoolFileMaker.oneEventFiles(spool, files - 1, 1, 1);
        server.hang();
        try (Pipeline pipeline = Pipeline.start(spoolSettings(spool).text(Settings.MAX_BATCH_BYTES, "1KiB")
                .text(Settings.MAX_IN_FLIGHT, "1"))) {
            MixlogStats stats = pipeline.stats();
            Await.until(Pipeline.SETTLE_BOUND, () -> server.requestCount() == 1, () -> "the first request held: " + stats);
            List<Path> waiting = batchFiles(spool);
            Path gone = waiting.get(perRequest);
            Path unreadable = waiting.get(perRequest + 1);
            Files.delete(gone);
            Files.delete(unreadable);
            Files.createDirectory(unreadable);
            server.release();
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.dropped(DropReason.SPOOL_CORRUPT) == 1,
                    () -> "the gone file counted: " + pipeline.status());
            Await.until(Pipeline.SETTLE_BOUND, () -> !pipeline.status().containing("cannot read spool file").isEmpty(),
                    () -> "the unreadable file retried: " + pipeline.status());
            pipeline.close();

            assertEquals(files, stats.replayed());
            assertEquals(perRequest, stats.delivered(), stats::toString);
            assertEquals(1, stats.dropped(DropReason.SPOOL_CORRUPT));
            assertEquals(files - perRequest - 1, stats.keptInSpool(), "the rest stays on disk, each event once: " + stats);
            assertAccounted(stats, 0);
        }
    }

    /**
     * Settled files that cannot be removed (files even root cannot remove: {@code chattr +i}; a
     * read-only directory does the same to other users) were once reported one warning each: the first
     * is said at once, the rest together.
     */
    @Test
    void settledFilesThatCannotBeRemovedAreReportedTogether() throws IOException {
        Path spool = temp.resolve("spool");
        SpoolFileMaker.oneEventFiles(spool, 40, 0, 0);
        List<Path> files = batchFiles(spool);
        assumeTrue(immutable(files, true), "chattr +i makes files that cannot be removed");
        try (Pipeline pipeline = Pipeline.start(spoolSettings(spool).text(Settings.REPORT_INTERVAL, "1h"))) {
            MixlogStats stats = pipeline.stats();
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.delivered() + stats.droppedTotal() >= 40, stats::toString);
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.spooledBatches() == 0, stats::toString);
            pipeline.close();
            List<String> reports = pipeline.status().containing("cannot be removed");
            assertEquals(2, reports.size(), pipeline.status()::toString);
            assertTrue(reports.get(0).contains("a settled spool file in "), reports::toString);
            assertTrue(reports.get(1).contains("39 settled spool files in "), reports::toString);
            assertEquals(40, stats.delivered());
            assertAccounted(stats, 0);
        } finally {
            immutable(files, false);
        }
    }

    /** Sets or clears the immutable attribute of the files; whether {@code chattr} did. */
    private static boolean immutable(List<Path> files, boolean on) {
        List<String> command = new ArrayList<>(List.of("chattr", on ? "+i" : "-i"));
        files.forEach(file -> command.add(file.toString()));
        try {
            Process chattr = new ProcessBuilder(command).redirectErrorStream(true).start();
            chattr.getInputStream().readAllBytes();
            return chattr.waitFor(30, TimeUnit.SECONDS) && chattr.exitValue() == 0;
        } catch (IOException | InterruptedException | RuntimeException cannot) {
            return false;
        }
    }

    /** The disk blocks the files take, as {@code stat} counts them; -1 where there is no {@code stat}. */
    private static long allocatedBytes(List<Path> files) {
        if (files.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("stat", "-c", "%b %B"));
        files.forEach(file -> command.add(file.toString()));
        try {
            Process stat = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!stat.waitFor(30, TimeUnit.SECONDS) || stat.exitValue() != 0) {
                return -1;
            }
            long total = 0;
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    String[] fields = line.trim().split(" ");
                    total += Long.parseLong(fields[0]) * Long.parseLong(fields[1]);
                }
            }
            return total;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }
}
