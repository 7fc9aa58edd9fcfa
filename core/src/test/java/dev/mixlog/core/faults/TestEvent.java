package dev.mixlog.core.faults;

import dev.mixlog.loopback.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/** A log event as a core test writes it: a name, a level, key-value pairs; read by {@link TestEventReader}. */
final class TestEvent {
    /** The event name of numbered events. */
    static final String NAME = "Reply Drill";
    private static final String NOTE = "n".repeat(120);

    final String name;
    final boolean warn;
    final long timeMillis = System.currentTimeMillis();
    final Map<String, Object> pairs;
    final long estimatedBytes;

    TestEvent(String name, boolean warn, Map<String, Object> pairs, long estimatedBytes) {
        this.name = name;
        this.warn = warn;
        this.pairs = pairs;
        this.estimatedBytes = estimatedBytes;
    }

    /** An INFO event of about 250 bytes once serialized, carrying {@code seq} so that the server's copy can be matched. */
    static TestEvent numbered(long seq) {
        return numbered(seq, false);
    }

    static TestEvent numbered(long seq, boolean warn) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("distinct_id", "user-" + (seq % 1000));
        pairs.put("seq", seq);
        pairs.put("plan", seq % 3 == 0 ? "pro" : "free");
        pairs.put("note", NOTE);
        return new TestEvent(NAME, warn, pairs, 0);
    }

    /** The same event with one more pair. */
    TestEvent with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(pairs);
        more.put(key, value);
        return new TestEvent(name, warn, more, estimatedBytes);
    }
}
