package dev.mixlog.log4j2;

import dev.mixlog.core.EventProperty;
import dev.mixlog.core.internal.capture.RetainedSize;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Copies a Log4j string map (context data, a map message's fields) into one flat array of keys and
 * values, so the copy outlives the reused map it was taken from.
 */
final class Pairs {
    /** The copy of an empty map. */
    static final Object[] NONE = new Object[0];

    private static final TriConsumer<String, Object, Filler> FILL = (key, value, filler) -> filler.add(key, value);

    private Pairs() {
    }

    /** Keys at even indexes, each followed by its value; slots left {@code null} when the map shrank meanwhile. */
    static Object[] copy(ReadOnlyStringMap map) {
        int size = map == null ? 0 : map.size();
        if (size == 0) {
            return NONE;
        }
        Object[] pairs = new Object[size * 2];
        if (map instanceof IndexedReadOnlyStringMap) {
            IndexedReadOnlyStringMap indexed = (IndexedReadOnlyStringMap) map;
            for (int i = 0; i < size; i++) {
                pairs[2 * i] = indexed.getKeyAt(i);
                pairs[2 * i + 1] = indexed.getValueAt(i);
            }
        } else {
            map.forEach(FILL, new Filler(pairs));
        }
        return pairs;
    }

    /**
     * What the consumer needs of the event's context data: the map itself when it is a frozen
     * {@link StringMap} (immutable by contract, as Log4j's default ThreadContext hands out), else a copy.
     */
    /** The typed properties among a message's parameters ({@code MixpanelMarkers.property}), as pairs; {@link #NONE} when none. */
    static Object[] ofProperties(Object[] parameters) {
        if (parameters == null) {
            return NONE;
        }
        int count = 0;
        for (Object parameter : parameters) {
            if (parameter instanceof EventProperty) {
                count++;
            }
        }
        if (count == 0) {
            return NONE;
        }
        Object[] pairs = new Object[count * 2];
        int i = 0;
        for (Object parameter : parameters) {
            if (parameter instanceof EventProperty) {
                pairs[i++] = ((EventProperty) parameter).key();
                pairs[i++] = ((EventProperty) parameter).value();
            }
        }
        return pairs;
    }

    static Object keep(ReadOnlyStringMap contextData) {
        if (contextData instanceof StringMap && ((StringMap) contextData).isFrozen()) {
            return contextData;
        }
        return copy(contextData);
    }

    /** Hands each entry of what {@link #keep} or {@link #copy} returned to the action. */
    static void forEachKept(Object kept, BiConsumer<String, Object> action) {
        if (kept instanceof ReadOnlyStringMap) {
            ((ReadOnlyStringMap) kept).forEach(action::accept);
        } else {
            forEach((Object[]) kept, action);
        }
    }

    /** Hands each copied entry with a key to the action. */
    static void forEach(Object[] pairs, BiConsumer<String, Object> action) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i] != null) {
                action.accept((String) pairs[i], pairs[i + 1]);
            }
        }
    }

    /** The copied values' rough size, each by {@link RetainedSize}; a frozen shared map counts as nothing. */
    static long estimatedBytes(Object kept) {
        if (!(kept instanceof Object[])) {
            return 0;
        }
        Object[] pairs = (Object[]) kept;
        long bytes = 0;
        for (int i = 1; i < pairs.length; i += 2) {
            bytes += RetainedSize.of(pairs[i]);
        }
        return bytes;
    }

    /** The write position while a non-indexed map is copied. */
    private static final class Filler {
        private final Object[] pairs;
        private int next;

        Filler(Object[] pairs) {
            this.pairs = pairs;
        }

        void add(String key, Object value) {
            if (next + 1 < pairs.length) {
                pairs[next++] = key;
                pairs[next++] = value;
            }
        }
    }
}
