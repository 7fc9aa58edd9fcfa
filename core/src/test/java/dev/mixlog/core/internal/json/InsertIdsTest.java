package dev.mixlog.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code $insert_id}: Mixpanel's format, and unique enough to deduplicate on. */
class InsertIdsTest {
    private static final Pattern MIXPANEL_INSERT_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    @Test
    void idsAre32LowerCaseHexDigitsWithinMixpanelsFormat() {
        InsertIds ids = new InsertIds();
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            assertTrue(MIXPANEL_INSERT_ID.matcher(id).matches(), id);
        }
    }

    @Test
    void idsDoNotRepeat() {
        InsertIds ids = new InsertIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(ids.next());
        }
        assertEquals(200_000, seen.size());
    }

    @Test
    void eachGeneratorIsSeededApart() {
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            firsts.add(new InsertIds().next());
        }
        assertEquals(100, firsts.size());
        assertNotEquals(new InsertIds().next(), new InsertIds().next());
    }
}
