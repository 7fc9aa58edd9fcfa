package dev.mixlog.core.config;

import java.time.Duration;

/** The documented default of every setting, and the limits Mixpanel puts on them. */
public final class Defaults {
    /** Events per request: Mixpanel accepts at most 2000, so this is also the maximum. */
    public static final int MAX_BATCH_EVENTS = 2000;
    /** Uncompressed body bytes per request: Mixpanel's 2 MiB limit, also the maximum. */
    public static final int MAX_BATCH_BYTES = 2 * 1024 * 1024;
    /** How long the first event of a batch may wait before the batch is sent. */
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** Ring buffer slots; a power of two. */
    public static final int RING_BUFFER_SIZE = 16384;
    /** How long {@code stop()} may spend delivering what is buffered. */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** Requests under way at once. */
    public static final int MAX_IN_FLIGHT = 4;
    /** Time allowed to open a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Time allowed for one request, from sending to the end of the reply. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** First retry delay; doubled after each failure (Mixpanel asks for 2 s doubling to 60 s). */
    public static final Duration RETRY_INITIAL_BACKOFF = Duration.ofSeconds(2);
    /** Longest retry delay. */
    public static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(60);
    /** Total time a batch may spend being retried before it is dropped. */
    public static final Duration MAX_RETRY_TIME = Duration.ofMinutes(10);
    /** Longest string value sent; Mixpanel truncates at 255 characters anyway. */
    public static final int MAX_STRING_LENGTH = 255;
    /** The key (key-value pair, then MDC) whose value becomes {@code distinct_id}. */
    public static final String DISTINCT_ID_KEY = "distinct_id";
    /** Whether request bodies are gzip-compressed. */
    public static final boolean GZIP = true;

    /** Least time between two repeated status messages about the same kind of drop or adjustment. */
    public static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    /** With {@code overflowPolicy=block}, the longest an application thread waits for a free slot. */
    public static final Duration BLOCK_TIMEOUT = Duration.ofMillis(100);
    /** Bound on the estimated size of large events (over {@link #LARGE_EVENT_BYTES}) waiting in the ring. */
    public static final long MAX_BUFFER_BYTES = 64L * 1024 * 1024;
    /** Events estimated above this size count against {@link #MAX_BUFFER_BYTES}; smaller ones are bounded by the slot count. */
    public static final int LARGE_EVENT_BYTES = 4096;

    /** Mixpanel's per-event properties limit is "fewer than 255". */
    public static final int MAX_PROPERTIES = 254;
    /** Mixpanel's maximum nesting depth of object and list properties. */
    public static final int MAX_NESTING_DEPTH = 3;
    /** Mixpanel's limit on list elements and object keys is "fewer than 255". */
    public static final int MAX_COLLECTION_SIZE = 254;
    /** Mixpanel refuses events of 1 MB or more (serialized). */
    public static final int MAX_EVENT_BYTES = 1_000_000 - 1;

    private Defaults() {
    }
}
