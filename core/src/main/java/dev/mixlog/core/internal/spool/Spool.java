package dev.mixlog.core.internal.spool;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The spool directory of one appender: sealed batches written ahead of their first send, removed
 * once settled, replayed oldest first after a restart ({@link SpoolScan}). The consumer thread
 * writes; senders take consecutive batches of one kind as one request ({@link SpooledRequest}),
 * read them back and remove them. Bounded by {@code spoolMaxBytes}, counted in the disk blocks the
 * files take ({@link DiskBlocks}): the oldest waiting batches make room, counted as
 * {@link DropReason#SPOOL_FULL}. Whatever goes wrong with the disk is reported and counted, and the
 * batch goes on from memory as it would without a spool. Once closed, a batch written or put back
 * late (by a thread that outlived the stop) stays on disk, counted as kept.
 */
public final class Spool {
    /** No record of a valid file is longer than the largest batch Mixpanel takes, with its framing. */
    private static final int MAX_RECORD_BYTES = MixpanelRules.MAX_BATCH_BYTES + 64 * 1024;
    /** Names tried for a new file before giving up on the write: a name is taken only by a file Mixlog did not write. */
    private static final int NAME_TRIES = 100;

    private final Path directory;
    private final SpoolLock lock;
    private final DiskBlocks disk;
    private final long maxBytes;
    /** One request carries at most this many events and (file) bytes of spooled batches. */
    private final int maxRequestEvents;
    private final long maxRequestBytes;
    /** How many batches waiting to be sent are also kept in memory (the next ones a sender takes). */
    private final int keptInMemory;
    private final Counters stats;
    private final SpoolReports reports;
    /** Batch files written or found, not yet taken by a sender, oldest first. */
    private final Deque<SpooledBatch> waiting = new ConcurrentLinkedDeque<>();
    /** The count and disk bytes of {@link #waiting}, which the deque itself counts only by walking it. */
    private final AtomicLong waitingCount = new AtomicLong();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean closed;
    private long nextSequence;

    private Spool(Path directory, SpoolLock lock, DiskBlocks disk, MixlogConfig config, Counters stats,
                  SpoolReports reports) {
        this.directory = directory;
        this.lock = lock;
        this.disk = disk;
        this.maxBytes = config.spoolMaxBytes();
        this.maxRequestEvents = MixpanelRules.MAX_BATCH_EVENTS;
        this.maxRequestBytes = config.maxBatchBytes();
        this.keptInMemory = config.maxInFlight();
        this.stats = stats;
        this.reports = reports;
    }

    /**
     * Opens the configured directory: creates it, takes its lock, and lines up the batches found
     * there for replay (counted as replayed). Reads every file's header: call it off the application's threads.
     *
     * @throws SpoolLock.HeldInThisJvm when another appender of this JVM holds the directory
     * @throws IOException when it cannot be used: not made, locked elsewhere, not listed
     */
    static Spool open(MixlogConfig config, Counters stats, SpoolReports reports) throws IOException {
        Path directory;
        try {
            directory = SpoolLock.directory(config.spoolDirectory());
        } catch (RuntimeException e) {
            throw new IOException(SafeStatus.describe(e), e);
        }
        SpoolLock lock = SpoolLock.take(directory, config.name());
        try {
            DiskBlocks disk = DiskBlocks.of(directory);
            Spool spool = new Spool(directory, lock, disk, config, stats, reports);
            spool.lineUp(SpoolScan.of(directory, disk, stats, reports));
            stats.spoolGauges(spool.files::get, spool.bytes::get);
            return spool;
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw new IOException("cannot list it: " + SafeStatus.describe(e), e);
        } catch (Error e) {
            lock.release();
            throw e;
        }
    }

    private void lineUp(SpoolScan scan) {
        nextSequence = scan.nextSequence;
        long events = 0;
        for (SpooledBatch batch : scan.found) {
            files.incrementAndGet();
            bytes.addAndGet(batch.diskBytes());
            line(batch);
            events += batch.events();
        }
        reports.opened(events, files.get(), bytes.get());
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
        long diskBytes = disk.allocated(file.length);
        if (!makeRoom(diskBytes)) {
            reports.noRoom(diskBytes, maxBytes);
            return null;
        }
        Path path = null;
        try {
            for (int tries = 0; path == null; tries++) {
                if (tries == NAME_TRIES) {
                    throw new IOException("the next " + NAME_TRIES + " file names are taken by files Mixlog did not write");
                }
                Path candidate = directory.resolve(SpoolFiles.name(nextSequence++));
                if (SpoolFiles.writeNew(candidate, file)) {
                    path = candidate;
                }
            }
        } catch (IOException | RuntimeException e) {
            stats.recordSpoolWriteFailure();
            reports.writeFailed(SafeStatus.describe(e));
            return null;
        }
        reports.writesWork();
        SpooledBatch spooled = new SpooledBatch(path, kind, batch.size(), file.length, diskBytes,
                waitingCount.get() < keptInMemory ? batch : null);
        files.incrementAndGet();
        bytes.addAndGet(diskBytes);
        line(spooled);
        if (closed && unline(spooled)) {
            // the spool closed while this was written: the batch stays on disk for the next start
            keepForNextStart(spooled);
        }
        return spooled;
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
            SpooledBatch oldest;
            synchronized (waiting) {
                oldest = takeOne();
            }
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

    /**
     * The oldest waiting batch and those after it of the same kind, as many as one request takes
     * ({@code 2000} events, {@code maxBatchBytes}), now the caller's to send; {@code null} when none waits.
     */
    public SpooledRequest take() {
        List<SpooledBatch> members = new ArrayList<>();
        synchronized (waiting) {
            SpooledBatch first = takeOne();
            if (first == null) {
                return null;
            }
            members.add(first);
            int events = first.events();
            long length = first.length();
            // every removal from the line holds this lock: the batch peeked is the one taken
            for (SpooledBatch next = waiting.peekFirst(); next != null; next = waiting.peekFirst()) {
                if (next.kind() != first.kind() || events + next.events() > maxRequestEvents
                        || length + next.length() > maxRequestBytes) {
                    break;
                }
                members.add(takeOne());
                events += next.events();
                length += next.length();
            }
        }
        return new SpooledRequest(members);
    }

    private SpooledBatch takeOne() {
        SpooledBatch next = waiting.pollFirst();
        if (next != null) {
            waitingCount.decrementAndGet();
            waitingBytes.addAndGet(-next.diskBytes());
        }
        return next;
    }

    /** Puts back a request taken but not handed to a sender, first in line (kept for the next start once closed). */
    public void putBack(SpooledRequest request) {
        List<SpooledBatch> members = request.members();
        synchronized (waiting) {
            for (int i = members.size() - 1; i >= 0; i--) {
                SpooledBatch batch = members.get(i);
                waitingCount.incrementAndGet();
                waitingBytes.addAndGet(batch.diskBytes());
                waiting.addFirst(batch);
                if (closed && unline(batch)) {
                    keepForNextStart(batch);
                }
            }
        }
    }

    private void line(SpooledBatch batch) {
        waitingCount.incrementAndGet();
        waitingBytes.addAndGet(batch.diskBytes());
        waiting.addLast(batch);
    }

    /** Takes this batch out of the line; false when someone else took it first. */
    private boolean unline(SpooledBatch batch) {
        synchronized (waiting) {
            if (!waiting.removeLastOccurrence(batch)) {
                return false;
            }
        }
        waitingCount.decrementAndGet();
        waitingBytes.addAndGet(-batch.diskBytes());
        return true;
    }

    /**
     * The batch to send for a spooled request: its members from memory where kept, otherwise read
     * back, joined. Events a file promised but that cannot be read are counted as
     * {@link DropReason#SPOOL_CORRUPT} and the file rewritten with the intact ones alone; a member
     * of which nothing can be read, or whose file is gone, is counted and dealt with here. Returns
     * {@code null} when nothing of the request can be read.
     *
     * @throws IOException when a file is there but cannot be read now (no file handle left, no
     *         permission): the caller tries again later; what was read is kept for that try
     */
    public Batch load(SpooledRequest request) throws IOException {
        List<SpooledBatch> members = request.members();
        for (int i = 0; i < members.size(); i++) {
            if (request.needsLoading(i)) {
                request.loaded(i, load(members.get(i)));
            }
        }
        return request.joined();
    }

    private Batch load(SpooledBatch spooled) throws IOException {
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
        try (DataInputStream in = SpoolFiles.reader(spooled.file())) {
            BatchFile.Header header = BatchFile.readHeader(in);
            contents = BatchFile.readRecords(in, header, MAX_RECORD_BYTES);
        } catch (BatchFile.NotABatchFile e) {
            stats.recordDropped(DropReason.SPOOL_CORRUPT, spooled.events());
            forget(spooled);
            SpoolFiles.setAside(spooled.file());
            stats.recordSpoolFileSetAside();
            reports.setAside(name, e.getMessage(), spooled.events());
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
        Path rewritten = spooled.file().resolveSibling(spooled.file().getFileName() + SpoolFiles.REWRITE_SUFFIX);
        try {
            byte[] file = BatchFile.encode(spooled.kind(), intact);
            SpoolFiles.writeSynced(rewritten, file);
            Files.move(rewritten, spooled.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long diskBytes = disk.allocated(file.length);
            bytes.addAndGet(diskBytes - spooled.diskBytes());
            spooled.resized(file.length, diskBytes, intact.size());
        } catch (IOException | RuntimeException e) {
            SpoolFiles.deleteQuietly(rewritten);
        }
    }

    /** A spooled request is settled (delivered, refused or counted as lost): its files go. */
    public void remove(SpooledRequest request) {
        List<SpooledBatch> members = request.members();
        for (int i = 0; i < members.size(); i++) {
            if (!request.dealtWith(i)) {
                remove(members.get(i));
            }
        }
    }

    private void remove(SpooledBatch spooled) {
        try {
            Files.deleteIfExists(spooled.file());
        } catch (IOException | RuntimeException e) {
            reports.cannotRemove(spooled.file().getFileName().toString(), SafeStatus.describe(e));
        }
        forget(spooled);
    }

    private void forget(SpooledBatch spooled) {
        files.decrementAndGet();
        bytes.addAndGet(-spooled.diskBytes());
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

    /** Events of a request not settled at stop stay in its files for the next start: counted as kept. */
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
        synchronized (waiting) {
            for (SpooledBatch left = takeOne(); left != null; left = takeOne()) {
                keepForNextStart(left);
            }
        }
        reports.closing();
        long keptTotal = stats.keptInSpool();
        if (keptTotal > 0) {
            reports.keptForNextStart(keptTotal, files.get());
        }
        lock.release();
    }
}
