package dev.mixlog.core.internal.spool;

import dev.mixlog.core.internal.diag.SafeStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the spool tells the framework's status channel. Trouble with the disk is said at WARN with
 * the directory and what happens meanwhile; what repeats (a failing disk, a full spool) once per
 * {@code reportInterval} at most.
 */
final class SpoolReports {
    /** File names listed in one message at most. */
    private static final int NAMES_LISTED = 10;
    private final String directory;
    private final SafeStatus status;
    private final long intervalNanos;
    private final AtomicBoolean writesFailing = new AtomicBoolean();
    private final AtomicLong lastFullReport = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong lastNoRoomReport = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong lastReadFailureReport = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong droppedSinceReport = new AtomicLong();
    private final AtomicLong lastRemoveReport = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong unremovedSinceReport = new AtomicLong();
    private volatile String lastUnremoved;

    SpoolReports(String directory, SafeStatus status, Duration interval) {
        this.directory = directory;
        this.status = status;
        this.intervalNanos = interval.toNanos();
    }

    void unusable(String why) {
        status.warn("spool directory " + directory + " cannot be used (" + why + "); running without a spool: "
                + "events are held in memory only");
    }

    void locked(String why) {
        status.error("spool directory " + directory + " is in use: " + why + ". Each appender needs a spoolDirectory of "
                + "its own; this one runs without a spool, events are held in memory only");
    }

    void waitingForHolder(String why) {
        status.info("spool directory " + directory + " is still in use (" + why + ", stopping after a reconfiguration?); "
                + "batches are sent from memory until it is free");
    }

    /** A spooled file could not be read now: said once per reportInterval at most; the sender tries again. */
    void readFailed(String name, String why) {
        if (due(lastReadFailureReport)) {
            status.warn("cannot read spool file " + name + " in " + directory + " (" + why + "); trying again with backoff");
        }
    }

    void opened(long events, long files, long bytes) {
        if (events == 0) {
            status.info("spool " + directory + " opened, nothing in it to replay");
        } else {
            status.info("replaying " + events + " events in " + files + " batches (" + bytes + " bytes on disk) found in spool "
                    + directory + ", oldest first");
        }
    }

    /** Files Mixlog did not write, found at a start and reported by no earlier one. */
    void foreign(List<String> names) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < Math.min(names.size(), NAMES_LISTED); i++) {
            listed.append(i == 0 ? "" : ", ").append(names.get(i));
        }
        if (names.size() > NAMES_LISTED) {
            listed.append(" and ").append(names.size() - NAMES_LISTED).append(" more");
        }
        status.warn("spool directory " + directory + " holds " + (names.size() == 1 ? "a file" : names.size() + " files")
                + " Mixlog did not write, left alone and not reported again: " + listed);
    }

    /** A file whose header cannot be read, set aside; {@code held} its events (counted) when the file still tells, or -1. */
    void setAside(String name, String why, int held) {
        status.warn("spool file " + name + " in " + directory + " cannot be read (" + why + "): set aside as " + name
                + ".corrupt; " + (held > 0 ? "its " + held + " events are counted as unreadable in the spool"
                        : "how many events it held cannot be told (counted as a file set aside)"));
    }

    void renumbered(int files) {
        status.info("spool " + directory + ": renumbered its " + files + " batch files from 0, oldest first, "
                + "as their sequence neared its end");
    }

    void damaged(String name, int unreadable, int events) {
        status.warn("spool file " + name + " in " + directory + " is damaged: " + unreadable + " of its " + events
                + " events cannot be read (counted); the others are sent");
    }

    void unreadable(String name, String why) {
        status.warn("spool file " + name + " in " + directory + " cannot be read: " + why);
    }

    void vanished(String name, int events) {
        status.warn("spool file " + name + " in " + directory + " was removed by something else; its " + events
                + " events are counted as unreadable in the spool");
    }

    /**
     * A settled file could not be removed: said at once, then once per {@code reportInterval} at most
     * with the count since (a read-only directory fails for every file); the rest is said at close.
     */
    void cannotRemove(String name, String why) {
        lastUnremoved = name + " (" + why + ")";
        long unremoved = unremovedSinceReport.incrementAndGet();
        if (due(lastRemoveReport)) {
            unremovedSinceReport.addAndGet(-unremoved);
            sayUnremoved(unremoved);
        }
    }

    private void sayUnremoved(long unremoved) {
        status.warn((unremoved == 1 ? "a settled spool file" : unremoved + " settled spool files") + " in " + directory
                + " cannot be removed (the latest: " + lastUnremoved + "); they will be sent again at the next start, "
                + "and Mixpanel drops duplicates by $insert_id");
    }

    /** At close: says what was counted and not yet said. */
    void closing() {
        long unremoved = unremovedSinceReport.getAndSet(0);
        if (unremoved > 0) {
            sayUnremoved(unremoved);
        }
        long dropped = droppedSinceReport.getAndSet(0);
        if (dropped > 0) {
            status.warn("spool " + directory + " was full: dropped its oldest " + dropped
                    + " events to make room (counted as pushed out of the full spool)");
        }
    }

    /** A write failed: said once until writes work again. */
    void writeFailed(String why) {
        if (writesFailing.compareAndSet(false, true)) {
            status.warn("cannot write to spool directory " + directory + " (" + why + "); batches are sent from memory "
                    + "until it works again");
        }
    }

    void writesWork() {
        if (writesFailing.compareAndSet(true, false)) {
            status.info("writing to spool directory " + directory + " works again");
        }
    }

    void full(int events, long maxBytes) {
        long dropped = droppedSinceReport.addAndGet(events);
        if (due(lastFullReport)) {
            droppedSinceReport.addAndGet(-dropped);
            status.warn("spool " + directory + " is full (spoolMaxBytes " + maxBytes + "): dropped its oldest " + dropped
                    + " events to make room (counted as pushed out of the full spool)");
        }
    }

    void noRoom(long bytes, long maxBytes) {
        if (due(lastNoRoomReport)) {
            status.warn("a batch of " + bytes + " bytes does not fit in spool " + directory + " (spoolMaxBytes " + maxBytes
                    + ", the rest taken by batches under way); it is sent from memory");
        }
    }

    /** Said loudly: the process may have waited up to shutdownTimeout for them, and nothing else says why. */
    void keptForNextStart(long events, long files) {
        status.warnLoudly(events + " events in " + files + " batches stay in spool " + directory
                + " and are sent at the next start");
    }

    private boolean due(AtomicLong last) {
        long now = System.nanoTime();
        long previous = last.get();
        return now - previous >= intervalNanos && last.compareAndSet(previous, now);
    }
}
