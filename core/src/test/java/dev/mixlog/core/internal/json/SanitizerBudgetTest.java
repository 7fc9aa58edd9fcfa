package dev.mixlog.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.mapping.MappedEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values whose cleaned form would be enormous stop costing work once their event is sure to reach
 * 1 MB; events below the limit are never refused for it. Numbers beyond a double's range are not finite.
 */
class SanitizerBudgetTest {
    private final Counters stats = new Counters();
    private final ValueSanitizer sanitizer = new ValueSanitizer(255, stats);

    private static Map<String, Object> wideSelfReference() {
        Map<String, Object> wide = new HashMap<>();
        for (int i = 0; i < 254; i++) {
            wide.put("k" + i, wide);
        }
        return wide;
    }

    @Test
    void aWideMapNestedIntoItselfStopsEarly() {
        sanitizer.startRecord();
        sanitizer.clean(wideSelfReference());

        assertTrue(sanitizer.overBudget());
        // cleaned in full it has 254^3 (16 million) leaves, each counted as too deep
        assertTrue(stats.adjusted(Adjustment.TOO_DEEP) < 100_000, "leaves visited: " + stats.adjusted(Adjustment.TOO_DEEP));
    }

    @Test
    void aListOfManyLongListsIsOverTheBudget() {
        sanitizer.startRecord();
        sanitizer.clean(Collections.nCopies(254, Collections.nCopies(254, "e".repeat(255))));

        assertTrue(sanitizer.overBudget());
        assertNull(sanitizer.clean("anything after"), "nothing more is cleaned once over");
    }

    @Test
    void outsideARecordThereIsNoBudget() {
        for (int i = 0; i < 20; i++) {
            sanitizer.clean(Collections.nCopies(254, "e".repeat(255)));
        }
        assertFalse(sanitizer.overBudget());
    }

    @Test
    void anEventJustUnderOneMegabyteIsWrittenAndOneJustOverIsRefused() {
        EventWriter writer = EventWriter.forEvents(new MixlogSettings().text(Settings.TOKEN, "tok").build(), "tok", stats);
        List<String> wide = Collections.nCopies(254, "w".repeat(255));
        Map<String, Object> under = new LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            under.put("list" + i, wide);
        }
        ByteSink written = writer.write(new MappedEvent("Big", "u", 1_700_000_000_000L, under), "id1");
        assertNotNull(written, "15 lists of 254 strings of 255 characters: under 1 MB");
        assertTrue(written.size() > 950_000 && written.size() < 1_000_000, "size " + written.size());

        Map<String, Object> over = new LinkedHashMap<>(under);
        over.put("list15", wide);
        assertNull(writer.write(new MappedEvent("Big", "u", 1_700_000_000_000L, over), "id2"));
        assertNotNull(writer.write(new MappedEvent("Small", "u", 1_700_000_000_000L, Map.of("a", 1)), "id3"),
                "the writer works on after refusing an event");
    }

    @Test
    void numbersBeyondADoublesRangeAreSentAsNull() {
        assertNull(sanitizer.clean(new BigDecimal("1e400")));
        assertNull(sanitizer.clean(new BigDecimal("-1e400")));
        assertNull(sanitizer.clean(BigInteger.TEN.pow(400)));
        assertEquals(new BigDecimal("1e300"), sanitizer.clean(new BigDecimal("1e300")));
        assertEquals(BigInteger.TEN.pow(30), sanitizer.clean(BigInteger.TEN.pow(30)));
        assertEquals(3, stats.adjusted(Adjustment.NOT_FINITE));
    }
}
