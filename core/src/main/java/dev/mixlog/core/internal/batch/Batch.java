package dev.mixlog.core.internal.batch;

import java.util.Arrays;
import java.util.List;

/**
 * A sealed, immutable request body: a JSON array of serialized events, with each event's place, name
 * and {@code $insert_id} kept so that a reply can be matched to its events and the batch split in two.
 * Retries resend these very bytes, so {@code time} and {@code $insert_id} never change.
 */
public final class Batch {
    /** The tag of events read back from the spool: no thread of this run logged them. */
    public static final Object READ_BACK = new Object() {
        @Override
        public String toString() {
            return "read back from the spool";
        }
    };

    private final byte[] body;
    private final int[] starts;
    private final int[] ends;
    private final String[] names;
    private final String[] insertIds;
    /** Each event's tag from the thread that logged it, or {@code null} when none has one (always, outside tests). */
    private final Object[] tags;

    Batch(byte[] body, int[] starts, int[] ends, String[] names, String[] insertIds, Object[] tags) {
        this.body = body;
        this.starts = starts;
        this.ends = ends;
        this.names = names;
        this.insertIds = insertIds;
        this.tags = tags;
    }

    /** The uncompressed JSON array. Not copied: do not modify. */
    public byte[] body() {
        return body;
    }

    public int size() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    public String insertId(int index) {
        return insertIds[index];
    }

    /** Whether any event has a tag ({@link dev.mixlog.core.internal.delivery.DeliverySeam#tagOfThisThread()}). */
    public boolean tagged() {
        return tags != null;
    }

    /** A copy of each event's tag, in order; all {@code null} when there are none. */
    public Object[] tags() {
        return tags == null ? new Object[size()] : tags.clone();
    }

    /** The event's tag, or {@code null}. */
    public Object tag(int index) {
        return tags == null ? null : tags[index];
    }

    /** Where the event's JSON starts in {@link #body()}. */
    public int eventStart(int index) {
        return starts[index];
    }

    /** The length of the event's JSON in {@link #body()}. */
    public int eventLength(int index) {
        return ends[index] - starts[index];
    }

    /** The index of the event with this {@code $insert_id}, or -1. */
    public int indexOfInsertId(String insertId) {
        for (int i = 0; i < insertIds.length; i++) {
            if (insertIds[i].equals(insertId)) {
                return i;
            }
        }
        return -1;
    }

    /** The events from {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
    public Batch slice(int from, int to) {
        Assembler assembler = new Assembler(ends[to - 1] - starts[from] + 2, to - from);
        for (int i = from; i < to; i++) {
            assembler.add(body, starts[i], ends[i] - starts[i], names[i], insertIds[i], tag(i));
        }
        return assembler.seal();
    }

    /** These batches' events, in order, as one batch (the batch itself when there is one). */
    public static Batch joined(List<Batch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int bytes = 2;
        int events = 0;
        for (Batch batch : batches) {
            bytes += batch.body.length;
            events += batch.size();
        }
        Assembler assembler = new Assembler(bytes, events);
        for (Batch batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                assembler.add(batch.body, batch.starts[i], batch.ends[i] - batch.starts[i], batch.names[i], batch.insertIds[i],
                        batch.tag(i));
            }
        }
        return assembler.seal();
    }

    /** The first and second half; only for batches of two events or more. */
    public Batch[] halves() {
        int middle = size() / 2;
        return new Batch[] {slice(0, middle), slice(middle, size())};
    }

    @Override
    public String toString() {
        return "Batch[" + size() + " events, " + body.length + " bytes]";
    }

    /** Builds one batch body in place: {@code [} event {@code ,} event ... {@code ]}. */
    public static final class Assembler {
        private byte[] body;
        private int length;
        private int count;
        private int[] starts;
        private int[] ends;
        private String[] names;
        private String[] insertIds;
        /** Made at the first tagged event; {@code null} while there is none. */
        private Object[] tags;

        public Assembler(int initialBytes, int initialEvents) {
            body = new byte[Math.max(initialBytes, 16)];
            body[length++] = '[';
            int capacity = Math.max(initialEvents, 4);
            starts = new int[capacity];
            ends = new int[capacity];
            names = new String[capacity];
            insertIds = new String[capacity];
        }

        /** Body bytes once this event is added, closing bracket included. */
        int sizeWith(int eventLength) {
            return length + (count == 0 ? 0 : 1) + eventLength + 1;
        }

        public int count() {
            return count;
        }

        public void add(byte[] source, int offset, int eventLength, String name, String insertId, Object tag) {
            int needed = sizeWith(eventLength);
            if (needed > body.length) {
                body = Arrays.copyOf(body, Math.max(needed, body.length * 2));
            }
            if (count == starts.length) {
                int capacity = count * 2;
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                names = Arrays.copyOf(names, capacity);
                insertIds = Arrays.copyOf(insertIds, capacity);
                if (tags != null) {
                    tags = Arrays.copyOf(tags, capacity);
                }
            }
            if (tag != null && tags == null) {
                tags = new Object[starts.length];
            }
            if (count > 0) {
                body[length++] = ',';
            }
            System.arraycopy(source, offset, body, length, eventLength);
            starts[count] = length;
            length += eventLength;
            ends[count] = length;
            names[count] = name;
            insertIds[count] = insertId;
            if (tags != null) {
                tags[count] = tag;
            }
            count++;
        }

        /** Empties the assembler for the next batch, keeping its arrays. */
        void reset() {
            length = 1;
            Arrays.fill(names, 0, count, null);
            Arrays.fill(insertIds, 0, count, null);
            tags = null;
            count = 0;
        }

        public Batch seal() {
            byte[] exact = Arrays.copyOf(body, length + 1);
            exact[length] = ']';
            return new Batch(exact, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                    Arrays.copyOf(names, count), Arrays.copyOf(insertIds, count), tags == null ? null : Arrays.copyOf(tags, count));
        }
    }
}
