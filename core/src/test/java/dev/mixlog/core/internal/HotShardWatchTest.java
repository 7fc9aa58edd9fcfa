package dev.mixlog.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hot-shard count: bounded memory whatever the ids, never low, per UTC day. */
class HotShardWatchTest {
    private static final long NOON = Instant.parse("2026-12-07T12:00:00Z").toEpochMilli();

    @Test
    void aMillionDistinctIdsTakeTheSameMemoryAndRaiseNoWarning() {
        HotShardWatch watch = new HotShardWatch(MixpanelRules.HOT_SHARD_EVENTS);
        for (int i = 0; i < 1_000_000; i++) {
            assertFalse(watch.countUser("user-" + i, NOON));
            assertNull(watch.takeWarning());
        }
        assertEquals(HotShardWatch.ROWS * HotShardWatch.COLUMNS * Integer.BYTES, watch.footprintBytes());
        assertTrue(watch.footprintBytes() <= 256 * 1024);
        // among a million others, one hot id is still counted closely enough to be caught
        HotShardWatch small = new HotShardWatch(1_000);
        for (int i = 0; i < 1_000_000; i++) {
            small.countUser("user-" + i, NOON);
        }
        int past = 0;
        for (int i = 0; i < 1_100; i++) {
            past += small.countUser("ingest-worker", NOON) ? 1 : 0;
        }
        // counts are never low; high by at most e / COLUMNS of the events counted (the sketch's bound)
        long bound = (long) Math.ceil(Math.E * 1_000_000 / HotShardWatch.COLUMNS);
        assertTrue(past >= 100 && past <= 100 + bound, "events counted past the limit: " + past + ", bound " + (100 + bound));
    }

    @Test
    void aNewUtcDayStartsTheCountsAgain() {
        HotShardWatch watch = new HotShardWatch(10);
        for (int i = 0; i < 11; i++) {
            watch.countUser("web-pod-1", NOON);
        }
        assertTrue(watch.countUser("web-pod-1", NOON));
        assertFalse(watch.countUser("web-pod-1", NOON + 86_400_000L), "the next day counts from one");
    }

    @Test
    void theIdIsNamedByItsEndsAndLength() {
        assertEquals("'us…42' (9 characters)", HotShardWatch.shortened("user-4242"));
        assertEquals("'…' (3 characters)", HotShardWatch.shortened("pod"));
    }
}
