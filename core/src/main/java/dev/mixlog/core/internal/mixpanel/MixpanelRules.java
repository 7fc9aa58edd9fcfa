package dev.mixlog.core.internal.mixpanel;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Mixpanel's own rules for what it ingests, as its ingestion API documents them: batch limits, the
 * size and shape of one event, the property names it reserves and the ids it refuses. User-chosen
 * defaults are not here but with each setting ({@code dev.mixlog.core.config.Settings}).
 */
public final class MixpanelRules {
    /** Events per request: Mixpanel accepts at most 2000. */
    public static final int MAX_BATCH_EVENTS = 2000;
    /** Uncompressed body bytes per request: at most 2 MiB. */
    public static final int MAX_BATCH_BYTES = 2 * 1024 * 1024;
    /**
     * The shortest wait before a request answered 429 goes again: Mixpanel asks for backoff from 2 s
     * on a rate limit. A {@code Retry-After} may lengthen it, never shorten it.
     */
    public static final Duration RATE_LIMIT_FLOOR = Duration.ofSeconds(2);
    /** Events a day (UTC) for one {@code distinct_id} past which Mixpanel files them under {@code $hotshard_events}. */
    public static final int HOT_SHARD_EVENTS = 200_000;
    /** How many times more events a day one group id may have before the same happens to its events (1,000,000). */
    public static final int HOT_SHARD_GROUP_FACTOR = 5;
    /** Properties per event: "fewer than 255". */
    public static final int MAX_PROPERTIES = 254;
    /** Nesting of object and list properties: at most 3 levels. */
    public static final int MAX_NESTING_DEPTH = 3;
    /** List elements and object keys: "fewer than 255". */
    public static final int MAX_COLLECTION_SIZE = 254;
    /** One serialized event: less than 1 MB. */
    public static final int MAX_EVENT_BYTES = 1_000_000 - 1;
    /** Longest event name and {@code distinct_id} (or group id) kept. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Longest property name accepted. */
    public static final int MAX_PROPERTY_NAME_LENGTH = 255;
    /** Properties that identify and deduplicate an event; a user's property never overwrites them. */
    public static final Set<String> RESERVED_PROPERTIES = Set.of("token", "time", "distinct_id", "$insert_id");
    /** Values Mixpanel refuses as {@code distinct_id} (compared without case). */
    public static final Set<String> BANNED_IDS = Set.of("00000000-0000-0000-0000-000000000000", "anon",
            "anonymous", "nil", "none", "null", "n/a", "na", "undefined", "unknown", "<nil>", "0", "-1",
            "true", "false", "[]", "{}");

    private MixpanelRules() {
    }

    /** Whether the name is one of {@link #RESERVED_PROPERTIES}, with a length test first: it runs for every property. */
    public static boolean isReservedProperty(String name) {
        int length = name == null ? 0 : name.length();
        return length >= 4 && length <= 11 && RESERVED_PROPERTIES.contains(name);
    }

    /** Longest {@code $insert_id}; its characters are letters, digits and {@code -}. */
    public static final int MAX_INSERT_ID_LENGTH = 36;

    /** Whether Mixpanel takes the text as an {@code $insert_id}: 1 to 36 letters, digits and {@code -}, not a banned id. */
    public static boolean usableInsertId(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_INSERT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return !isBannedId(text);
    }

    /** Whether Mixpanel refuses this (trimmed) text as an id. */
    public static boolean isBannedId(String text) {
        return BANNED_IDS.contains(text.toLowerCase(Locale.ROOT));
    }

    /** The text as an id Mixpanel takes: trimmed; {@code null} when missing, blank or banned. */
    public static String usableId(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() || isBannedId(trimmed) ? null : trimmed;
    }
}
