package dev.mixlog.core.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The property list keeps a LinkedHashMap's order and replacement rules, below and above its index size, and across reuse. */
class PropertyListTest {
    @Test
    void aLaterValueReplacesTheEarlierInItsPlaceAndNewKeysGoLast() {
        PropertyList list = new PropertyList();
        list.put("plan", "free");
        list.put("seats", 1);
        list.put(new String("plan"), "pro");
        list.put(null, "ignored");
        list.put("region", null);

        assertEquals(List.of("plan", "seats", "region"), List.of(list.key(0), list.key(1), list.key(2)));
        assertEquals(3, list.size());
        assertEquals("pro", list.get("plan"));
        assertNull(list.get("region"));
        assertNull(list.get("absent"));
    }

    @Test
    void manyKeysBehaveAsALinkedHashMapDoes() {
        PropertyList list = new PropertyList();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 100; i++) {
                String key = "key-" + (i * 7 % 60);
                list.put(key, round * 1000 + i);
                expected.put(key, round * 1000 + i);
            }
        }

        assertEquals(expected, list.toMap());
        assertEquals(60, list.size());
    }

    @Test
    void aClearedListStartsOverWithNothingOfTheLastEvent() {
        PropertyList list = new PropertyList();
        for (int i = 0; i < 40; i++) {
            list.put("k" + i, i);
        }
        list.clear();
        list.put("k5", "again");

        assertEquals(Map.of("k5", "again"), list.toMap());
        assertNull(list.get("k6"));
    }
}
