package dev.mixlog.core.internal.mapping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user properties of one mapped event, in the order their keys first came, a later value for a
 * key replacing the earlier one in place (as a {@code LinkedHashMap} would). Two arrays instead of a
 * map: the consumer fills one list per event and reuses it for the next ({@link #clear()}), so
 * mapping an event allocates no map, no entries and no table. Keys are compared by content; past
 * {@value #INDEXED_FROM} keys an index keeps a put from scanning every key.
 */
public final class PropertyList {
    private static final int INDEXED_FROM = 16;

    private String[] keys = new String[INDEXED_FROM];
    private Object[] values = new Object[INDEXED_FROM];
    private int size;
    /** Positions by key, kept only while the list holds {@value #INDEXED_FROM} keys or more. */
    private Map<String, Integer> index;

    /** A list holding these properties, in the map's order. */
    public static PropertyList of(Map<String, ?> properties) {
        PropertyList list = new PropertyList();
        properties.forEach(list::put);
        return list;
    }

    /** Sets the key's value: in its place if the key is there, else at the end. A {@code null} key is ignored. */
    public void put(String key, Object value) {
        if (key == null) {
            return;
        }
        int at = indexOf(key);
        if (at >= 0) {
            values[at] = value;
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size + 1 == INDEXED_FROM) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(keys[i], i);
            }
        }
        size++;
    }

    private int indexOf(String key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            String present = keys[i];
            if (present == key || present.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the key, or {@code null}. */
    public Object get(String key) {
        int at = indexOf(key);
        return at < 0 ? null : values[at];
    }

    public int size() {
        return size;
    }

    public String key(int position) {
        return keys[position];
    }

    public Object value(int position) {
        return values[position];
    }

    /** Puts each property of the other list, in its order. */
    public void putAll(PropertyList other) {
        for (int i = 0; i < other.size; i++) {
            put(other.keys[i], other.values[i]);
        }
    }

    /** Empties the list for the next event, letting go of the values (the arrays stay). */
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
    }

    /** A copy as a map, in the same order. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
