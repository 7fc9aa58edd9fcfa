package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.core.impl.JdkMapAdapterStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/** Copies of Log4j string maps outlive the map they were taken from. */
class PairsTest {

    @Test
    void copiesAnIndexedMapAndSurvivesItsReuse() {
        SortedArrayStringMap map = new SortedArrayStringMap();
        map.putValue("tenant", "acme");
        map.putValue("items", 3);
        Object[] copy = Pairs.copy(map);
        map.clear();
        map.putValue("other", "value");

        assertEquals(Map.of("tenant", "acme", "items", 3), read(copy));
    }

    @Test
    void copiesAMapWithoutIndexes() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("a", "1");
        source.put("b", "2");
        assertEquals(source, read(Pairs.copy(new JdkMapAdapterStringMap(source))));
    }

    @Test
    void emptyAndMissingMapsShareOneEmptyCopy() {
        assertSame(Pairs.NONE, Pairs.copy(null));
        assertSame(Pairs.NONE, Pairs.copy(new SortedArrayStringMap()));
    }

    private static Map<String, Object> read(Object[] pairs) {
        Map<String, Object> read = new LinkedHashMap<>();
        Pairs.forEach(pairs, read::put);
        return read;
    }
}
