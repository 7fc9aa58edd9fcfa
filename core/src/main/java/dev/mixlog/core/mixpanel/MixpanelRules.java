package dev.mixlog.core.mixpanel;

/**
 * Mixpanel's own rules for what it ingests, as its ingestion API documents them: batch limits, the
 * size and shape of one event. User-chosen defaults are not here but with each setting
 * ({@code dev.mixlog.core.config.Settings}).
 */
public final class MixpanelRules {
    /** Events per request: Mixpanel accepts at most 2000. */
    public static final int MAX_BATCH_EVENTS = 2000;
    /** Uncompressed body bytes per request: at most 2 MiB. */
    public static final int MAX_BATCH_BYTES = 2 * 1024 * 1024;
    /** Properties per event: "fewer than 255". */
    public static final int MAX_PROPERTIES = 254;
    /** Nesting of object and list properties: at most 3 levels. */
    public static final int MAX_NESTING_DEPTH = 3;
    /** List elements and object keys: "fewer than 255". */
    public static final int MAX_COLLECTION_SIZE = 254;
    /** One serialized event: less than 1 MB. */
    public static final int MAX_EVENT_BYTES = 1_000_000 - 1;

    private MixpanelRules() {
    }
}
