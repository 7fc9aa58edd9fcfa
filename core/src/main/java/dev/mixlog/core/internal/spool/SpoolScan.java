package dev.mixlog.core.internal.spool;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a start finds in the spool directory, read on a thread of its own, never the application's. The
 * batch files a previous run left are lined up oldest first by their headers (the records are read
 * when sent). Every event found is counted once: as replayed, and, in a file whose header cannot be
 * read, as dropped (unreadable in the spool) when the file still tells how many it held; such a file
 * is renamed {@code *.corrupt} so no later start counts it again. Leftovers of a rewrite are deleted.
 * Files Mixlog did not write are left alone and reported once ever (their names are noted in
 * {@value #FOREIGN_NOTE}). A sequence near its end is renumbered from 0, so names never wrap.
 */
final class SpoolScan {
    /** From this sequence on, the files found are renumbered from 0: a run never comes near {@code Long.MAX_VALUE}. */
    static final long RENUMBER_FROM = Long.MAX_VALUE / 2;
    /** Names of files Mixlog did not write, once reported. */
    static final String FOREIGN_NOTE = "mixlog.foreign";

    private final Path directory;
    private final DiskBlocks disk;
    private final Counters stats;
    private final SpoolReports reports;
    /** The batch files lined up for replay, oldest first. */
    final List<SpooledBatch> found = new ArrayList<>();
    /** The sequence of the next file to write. */
    long nextSequence;

    private SpoolScan(Path directory, DiskBlocks disk, Counters stats, SpoolReports reports) {
        this.directory = directory;
        this.disk = disk;
        this.stats = stats;
        this.reports = reports;
    }

    static SpoolScan of(Path directory, DiskBlocks disk, Counters stats, SpoolReports reports) throws IOException {
        SpoolScan scan = new SpoolScan(directory, disk, stats, reports);
        scan.run();
        return scan;
    }

    private void run() throws IOException {
        List<Path> batchFiles = new ArrayList<>();
        Set<String> foreign = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (SpoolFiles.isBatchFile(name)) {
                    batchFiles.add(entry);
                } else if (SpoolFiles.isRewrite(name)) {
                    SpoolFiles.deleteQuietly(entry);
                } else if (!isOwn(name)) {
                    foreign.add(name);
                }
            }
        }
        noteForeign(foreign);
        batchFiles.sort(null);
        if (!batchFiles.isEmpty() && SpoolFiles.sequence(batchFiles.get(batchFiles.size() - 1)) >= RENUMBER_FROM) {
            batchFiles = renumbered(batchFiles);
        }
        long events = 0;
        for (Path file : batchFiles) {
            events += lineUp(file);
            nextSequence = SpoolFiles.sequence(file) + 1;
        }
        stats.recordReplayed(events);
    }

    private static boolean isOwn(String name) {
        return name.equals(SpoolLock.FILE_NAME) || name.equals(FOREIGN_NOTE) || name.endsWith(SpoolFiles.SET_ASIDE_SUFFIX);
    }

    /** Lines up one batch file by its header; returns the events it holds (counted as replayed). */
    private long lineUp(Path file) {
        String name = file.getFileName().toString();
        try (DataInputStream in = SpoolFiles.reader(file)) {
            BatchFile.Header header = BatchFile.readHeader(in);
            long length = Files.size(file);
            found.add(new SpooledBatch(file, header.kind, header.events, length, disk.allocated(length), null));
            return header.events;
        } catch (BatchFile.NotABatchFile damaged) {
            int held = heldEvents(file);
            SpoolFiles.setAside(file);
            stats.recordSpoolFileSetAside();
            if (held > 0) {
                stats.recordDropped(DropReason.SPOOL_CORRUPT, held);
            }
            reports.setAside(name, damaged.getMessage(), held);
            return Math.max(0, held);
        } catch (IOException | RuntimeException cannotNow) {
            // there but unreadable now (permissions, no file handle): left for a later start, counted then
            reports.unreadable(name, SafeStatus.describe(cannotNow));
            return 0;
        }
    }

    private static int heldEvents(Path file) {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try (DataInputStream in = SpoolFiles.reader(file)) {
            return BatchFile.heldEvents(in, Files.size(file));
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /**
     * Renames the files, oldest first, to the sequences 0, 1, 2, ...: each name taken is one an earlier
     * file has left, and the order stays as it was at every step, so a crash midway loses nothing.
     */
    private List<Path> renumbered(List<Path> files) throws IOException {
        List<Path> renamed = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path target = directory.resolve(SpoolFiles.name(i));
            Path file = files.get(i);
            if (!file.equals(target)) {
                Files.move(file, target);
            }
            renamed.add(target);
        }
        reports.renumbered(files.size());
        return renamed;
    }

    /** Reports the files Mixlog did not write that no earlier start reported, and notes them all. */
    private void noteForeign(Set<String> foreign) {
        Path note = directory.resolve(FOREIGN_NOTE);
        Set<String> noted = new TreeSet<>();
        try {
            if (Files.exists(note)) {
                noted.addAll(Files.readAllLines(note, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException unreadable) {
            // reported again below: better twice than never
        }
        List<String> fresh = new ArrayList<>();
        for (String name : foreign) {
            if (!noted.contains(name)) {
                fresh.add(name);
                stats.recordSpoolFileSetAside();
            }
        }
        if (!fresh.isEmpty()) {
            reports.foreign(fresh);
        }
        if (!noted.equals(foreign)) {
            try {
                if (foreign.isEmpty()) {
                    Files.deleteIfExists(note);
                } else {
                    Files.write(note, foreign, StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException e) {
                // the next start reports them again
            }
        }
    }
}
