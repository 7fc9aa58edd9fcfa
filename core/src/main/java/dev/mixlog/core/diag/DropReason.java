package dev.mixlog.core.diag;

/** Why an event was not delivered. Every drop is counted under exactly one reason. */
public enum DropReason {
    /** The ring buffer was full (in slots, or in bytes for large events) when the application logged it. */
    RING_FULL("ring buffer full"),
    /** Below WARN, dropped while the ring was nearly full to keep room for WARN and above ({@code discardThreshold}). */
    DISCARDED("discarded below WARN while the ring was nearly full"),
    /** The event could not be made valid (empty name, larger than Mixpanel's 1 MB limit). */
    INVALID("invalid event"),
    /** Mixpanel refused it (validation, credentials, {@code status: 0}). */
    REJECTED("rejected by Mixpanel"),
    /** A lone event larger than the server accepts (413 with nothing left to split). */
    TOO_LARGE("too large for the server"),
    /** Retries went on for longer than {@code maxRetryTime}. */
    RETRIES_EXHAUSTED("retries exhausted"),
    /** Still buffered or in flight when {@code shutdownTimeout} ran out. */
    SHUTDOWN("not delivered before shutdown"),
    /** Lost to an unexpected failure inside Mixlog (reported at ERROR with its cause). */
    FAILED("lost to a failure inside Mixlog"),
    /** Not sent because the appender has no credentials and started disabled (reported once at start). */
    DISABLED("not sent: the appender is disabled for want of credentials"),
    /** Waiting in the spool when it reached {@code spoolMaxBytes}: the oldest batches make room for new ones. */
    SPOOL_FULL("pushed out of the full spool"),
    /** Written to the spool, but unreadable when read back (a torn tail, a corrupt record or file). */
    SPOOL_CORRUPT("unreadable in the spool"),
    /** Past {@code hotShardLimit} events of one {@code distinct_id} or group id in a day, with {@code hotShardDrop}. */
    HOT_SHARD("past the daily events of one id (hotShardDrop)");

    private final String description;

    DropReason(String description) {
        this.description = description;
    }

    /** A few words for messages. */
    public String description() {
        return description;
    }
}
