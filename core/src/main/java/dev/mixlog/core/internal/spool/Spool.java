package dev.mixlog.core.internal.spool;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The spool directory of one appender: sealed batches written ahead of their first send, removed
 * once settled, replayed oldest first after a restart. The consumer thread writes; senders take,
 * read back and remove. Bounded by {@code spoolMaxBytes}: the oldest waiting batches make room,
 * counted as {@link DropReason#SPOOL_FULL}. Whatever goes wrong with the disk is reported and
 * counted, and the batch goes on from memory as it would without a spool. Once closed, a batch
 * written or put back late (by a thread that outlived the stop) stays on disk, counted as kept.
 */
public final class Spool {
    /** {@code 00000000000000000042.batch}: the sequence, zero-padded so names sort in the order written. */
    private static final Pattern BATCH_FILE = Pattern.compile("\\d{19}\\.batch");
    private static final String SET_ASIDE_SUFFIX = ".corrupt";
    /** A file being rewritten without its damaged records; a leftover one is deleted at start. */
    private static final String REWRITE_SUFFIX = ".tmp";
    /** No record of a valid file is longer than the largest batch Mixpanel takes, with its framing. */
    private static final int MAX_RECORD_BYTES = MixpanelRules.MAX_BATCH_BYTES + 64 * 1024;

    private final Path directory;
    private final SpoolLock lock;
    private final long maxBytes;
    /** How many batches waiting to be sent are also kept in memory (the next ones a sender takes). */
    private final int keptInMemory;
    private final MixlogStats stats;
    private final SpoolReports reports;
    /** Batch files written or found, not yet taken by a sender, oldest first. */
    private final Deque<SpooledBatch> waiting = new ConcurrentLinkedDeque<>();
    /** The count and bytes of {@link #waiting}, which the deque itself counts only by walking it. */
    private final AtomicLong waitingCount = new AtomicLong();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean closed;
    private long nextSequence;

    private Spool(Path directory, SpoolLock lock, MixlogConfig config, MixlogStats stats, SpoolReports reports) {
        this.directory = directory;
        this.lock = lock;
        this.maxBytes = config.spoolMaxBytes();
        this.keptInMemory = config.maxInFlight();
        this.stats = stats;
        this.reports = reports;
    }

    /**
     * Opens the configured directory: creates it, takes its lock, and lines up the batches found
     * there for replay (counted as replayed).
     *
     * @throws SpoolLock.HeldInThisJvm when another appender of this JVM holds the directory
     * @throws IOException when it cannot be used: not made, locked elsewhere, not listed
     */
    static Spool open(MixlogConfig config, MixlogStats stats, SpoolReports reports) throws IOException {
        Path directory;
        try {
            directory = SpoolLock.directory(config.spoolDirectory());
        } catch (RuntimeException e) {
            throw new IOException(SafeStatus.describe(e), e);
        }
        SpoolLock lock = SpoolLock.take(directory, config.name());
        Spool spool = new Spool(directory, lock, config, stats, reports);
        try {
            spool.lineUpFound();
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw new IOException("cannot list it: " + SafeStatus.describe(e), e);
        }
        stats.spoolGauges(spool.files::get, spool.bytes::get);
        return spool;
    }

    /** Finds the batch files a previous run left, oldest first, reading their headers only. */
    private void lineUpFound() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isBatchFileName(name)) {
                    found.add(entry);
                } else if (name.endsWith(REWRITE_SUFFIX) && isBatchFileName(name.substring(0, name.length() - REWRITE_SUFFIX.length()))) {
                    deleteQuietly(entry);
                } else if (!name.equals(SpoolLock.FILE_NAME) && !name.endsWith(SET_ASIDE_SUFFIX)) {
                    stats.recordSpoolFileSetAside();
                    reports.foreign(name);
                }
            }
        }
        found.sort(null);
        long events = 0;
        for (Path file : found) {
            nextSequence = Math.max(nextSequence, sequenceOf(file) + 1);
            try (DataInputStream in = reader(file)) {
                BatchFile.Header header = BatchFile.readHeader(in);
                SpooledBatch batch = new SpooledBatch(file, header.kind, header.events, Files.size(file), null);
                files.incrementAndGet();
                bytes.addAndGet(batch.bytes());
                line(batch);
                events += header.events;
            } catch (BatchFile.NotABatchFile e) {
                setAside(file, e.getMessage());
            } catch (IOException e) {
                reports.unreadable(file.getFileName().toString(), SafeStatus.describe(e));
            }
        }
        stats.recordReplayed(events);
        if (events > 0) {
            reports.replaying(events, files.get(), bytes.get());
        }
        makeRoom(0);
    }

    /**
     * Writes a sealed batch to a file of its own and syncs it, then lines it up for a sender.
     * Returns {@code null} when it could not be written (reported and counted): the caller sends it
     * from memory instead.
     */
    public SpooledBatch write(RecordKind kind, Batch batch) {
        if (closed) {
            return null;
        }
        byte[] file = BatchFile.encode(kind, batch);
        if (!makeRoom(file.length)) {
            reports.noRoom(file.length, maxBytes);
            return null;
        }
        Path path = directory.resolve(String.format("%019d.batch", nextSequence++));
        try {
            writeSynced(path, file);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(path);
            stats.recordSpoolWriteFailure();
            reports.writeFailed(SafeStatus.describe(e));
            return null;
        }
        reports.writesWork();
        SpooledBatch spooled = new SpooledBatch(path, kind, batch.size(), file.length,
                waitingCount.get() < keptInMemory ? batch : null);
        files.incrementAndGet();
        bytes.addAndGet(file.length);
        line(spooled);
        if (closed && unline(spooled)) {
            // the spool closed while this was written: the batch stays on disk for the next start
            keepForNextStart(spooled);
        }
        return spooled;
    }

    private void writeSynced(Path path, byte[] contents) throws IOException {
        try (FileOutputStream out = new FileOutputStream(path.toFile())) {
            out.write(contents);
            out.getFD().sync();
        }
        syncDirectory();
    }

    /** Makes the directory entry of a new file durable too, where the platform allows it. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // some platforms cannot open or sync a directory; the file itself is synced
        }
    }

    /**
     * Drops the oldest waiting batches until {@code needed} more bytes fit. Drops nothing and returns
     * false when even dropping every waiting batch would not make room (the rest is under way).
     */
    private boolean makeRoom(long needed) {
        if (bytes.get() - waitingBytes.get() + needed > maxBytes) {
            return false;
        }
        while (bytes.get() + needed > maxBytes) {
            SpooledBatch oldest = take();
            if (oldest == null) {
                return false;
            }
            stats.recordDropped(DropReason.SPOOL_FULL, oldest.events());
            reports.full(oldest.events(), maxBytes);
            remove(oldest);
        }
        return true;
    }

    /** Whether batches wait for a sender. */
    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** The oldest batch waiting for a sender, now the caller's to send, or {@code null}. */
    public SpooledBatch take() {
        SpooledBatch next = waiting.pollFirst();
        if (next != null) {
            waitingCount.decrementAndGet();
            waitingBytes.addAndGet(-next.bytes());
        }
        return next;
    }

    /** Puts back a batch taken but not handed to a sender, first in line (kept for the next start once closed). */
    public void putBack(SpooledBatch batch) {
        waitingCount.incrementAndGet();
        waitingBytes.addAndGet(batch.bytes());
        waiting.addFirst(batch);
        if (closed && unline(batch)) {
            keepForNextStart(batch);
        }
    }

    private void line(SpooledBatch batch) {
        waitingCount.incrementAndGet();
        waitingBytes.addAndGet(batch.bytes());
        waiting.addLast(batch);
    }

    /** Takes this batch out of the line; false when someone else took it first. */
    private boolean unline(SpooledBatch batch) {
        if (!waiting.removeLastOccurrence(batch)) {
            return false;
        }
        waitingCount.decrementAndGet();
        waitingBytes.addAndGet(-batch.bytes());
        return true;
    }

    /**
     * The batch to send for a spooled file: from memory if kept there, otherwise read back. Events the
     * file promised but that cannot be read are counted as {@link DropReason#SPOOL_CORRUPT}, and the
     * file is rewritten with the intact ones alone; returns {@code null} when none can be read or the
     * file is gone (counted, and the file removed or set aside).
     *
     * @throws IOException when the file is there but cannot be read now (no file handle left, no
     *         permission): the caller tries again later
     */
    public Batch load(SpooledBatch spooled) throws IOException {
        Batch kept = spooled.takeInMemory();
        if (kept != null) {
            return kept;
        }
        String name = spooled.file().getFileName().toString();
        if (!Files.exists(spooled.file())) {
            stats.recordDropped(DropReason.SPOOL_CORRUPT, spooled.events());
            forget(spooled);
            reports.vanished(name, spooled.events());
            return null;
        }
        BatchFile.Contents contents;
        try (DataInputStream in = reader(spooled.file())) {
            BatchFile.Header header = BatchFile.readHeader(in);
            contents = BatchFile.readRecords(in, header, MAX_RECORD_BYTES);
        } catch (BatchFile.NotABatchFile e) {
            stats.recordDropped(DropReason.SPOOL_CORRUPT, spooled.events());
            forget(spooled);
            setAside(spooled.file(), e.getMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            reports.readFailed(name, SafeStatus.describe(e));
            throw e instanceof IOException ? (IOException) e : new IOException(e);
        }
        if (contents.unreadable > 0) {
            stats.recordDropped(DropReason.SPOOL_CORRUPT, contents.unreadable);
            reports.damaged(name, contents.unreadable, spooled.events());
            if (contents.batch == null) {
                remove(spooled);
            } else {
                rewrite(spooled, contents.batch);
            }
        }
        return contents.batch;
    }

    /** Replaces a damaged file by one with its intact records alone, so a later start counts nothing twice. */
    private void rewrite(SpooledBatch spooled, Batch intact) {
        Path rewritten = spooled.file().resolveSibling(spooled.file().getFileName() + REWRITE_SUFFIX);
        try {
            byte[] file = BatchFile.encode(spooled.kind(), intact);
            writeSynced(rewritten, file);
            Files.move(rewritten, spooled.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            bytes.addAndGet(file.length - spooled.bytes());
            spooled.resized(file.length, intact.size());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(rewritten);
        }
    }

    /** A spooled batch is settled (delivered, refused or counted as lost): its file goes. */
    public void remove(SpooledBatch spooled) {
        try {
            Files.deleteIfExists(spooled.file());
        } catch (IOException | RuntimeException e) {
            reports.cannotRemove(spooled.file().getFileName().toString(), SafeStatus.describe(e));
        }
        forget(spooled);
    }

    private void forget(SpooledBatch spooled) {
        files.decrementAndGet();
        bytes.addAndGet(-spooled.bytes());
        spooled.settled().complete(null);
    }

    /** The completions of the batches waiting for a sender, for a flush to wait on. */
    public List<CompletableFuture<Void>> waitingSettlements() {
        List<CompletableFuture<Void>> settlements = new ArrayList<>();
        for (SpooledBatch batch : waiting) {
            settlements.add(batch.settled());
        }
        return settlements;
    }

    /** Events of a batch not settled at stop stay in its file for the next start: counted as kept. */
    public void keep(int events) {
        stats.recordKeptInSpool(events);
    }

    private void keepForNextStart(SpooledBatch batch) {
        batch.takeInMemory();
        stats.recordKeptInSpool(batch.events());
        batch.settled().complete(null);
    }

    /** At stop: what still waits stays on disk, counted as kept; the lock goes. Idempotent. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SpooledBatch left = take(); left != null; left = take()) {
            keepForNextStart(left);
        }
        long keptTotal = stats.keptInSpool();
        if (keptTotal > 0) {
            reports.keptForNextStart(keptTotal, files.get());
        }
        lock.release();
    }

    private void setAside(Path file, String why) {
        stats.recordSpoolFileSetAside();
        Path aside = file.resolveSibling(file.getFileName() + SET_ASIDE_SUFFIX);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
        }
        reports.setAside(file.getFileName().toString(), why);
    }

    /** Whether the name is one this spool writes: 19 digits that make a sequence number, then {@code .batch}. */
    private static boolean isBatchFileName(String name) {
        if (!BATCH_FILE.matcher(name).matches()) {
            return false;
        }
        try {
            Long.parseLong(name.substring(0, name.indexOf('.')));
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    /** A plain stream, not a channel: an interrupt must not close it under a sender. */
    private static DataInputStream reader(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do: a leftover partial file is cut off or set aside at the next start
        }
    }
}
