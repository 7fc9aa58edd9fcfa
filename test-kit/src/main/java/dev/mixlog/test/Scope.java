package dev.mixlog.test;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one test recorded (or one test class, outside its tests): the records logged on its threads,
 * and the appenders' drop counts when it began. Opened and closed by {@link RecordingHub}.
 */
final class Scope {
    final String name;
    /** The class's scope of a test recorded by a static recorder (or of a nested class); {@code null} otherwise. */
    final Scope parent;
    /** Whether this is a class's scope (what it logs outside its tests), not a test's. */
    final boolean forAClass;
    private final List<Recorded> records = new ArrayList<>();
    private final Map<DeliverySeam.Core, Map<DropReason, Long>> dropsBefore = new IdentityHashMap<>();
    private volatile boolean open = true;
    private int openChildren;

    Scope(String name, Scope parent, boolean forAClass) {
        this.name = name;
        this.parent = parent;
        this.forAClass = forAClass;
        noteDrops();
    }

    boolean isOpen() {
        return open;
    }

    /** Whether a test of this class's scope is running: its records then go to the test. */
    synchronized boolean hasOpenChildren() {
        return openChildren > 0;
    }

    synchronized void childOpened() {
        openChildren++;
    }

    synchronized void childClosed() {
        openChildren--;
    }

    /** Closes the scope and forgets its records: threads that inherited it may keep it long after. */
    synchronized void close() {
        open = false;
        records.clear();
        dropsBefore.clear();
    }

    synchronized void add(Recorded record) {
        records.add(record);
    }

    synchronized List<Recorded> records() {
        return new ArrayList<>(records);
    }

    /** Forgets what was recorded and dropped so far. */
    synchronized void clear() {
        records.clear();
        dropsBefore.clear();
        noteDrops();
    }

    /** What the running appenders dropped since this scope began (or was cleared), by reason. */
    synchronized Map<DropReason, Long> dropped() {
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        for (DeliverySeam.Core core : DeliverySeam.runningCores()) {
            Map<DropReason, Long> before = dropsBefore.getOrDefault(core, Map.of());
            for (DropReason reason : DropReason.values()) {
                long count = core.stats().dropped(reason) - before.getOrDefault(reason, 0L);
                if (count > 0) {
                    dropped.merge(reason, count, Long::sum);
                }
            }
        }
        return Collections.unmodifiableMap(dropped);
    }

    private void noteDrops() {
        for (DeliverySeam.Core core : DeliverySeam.runningCores()) {
            Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
            for (DropReason reason : DropReason.values()) {
                counts.put(reason, core.stats().dropped(reason));
            }
            dropsBefore.put(core, counts);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
