package dev.mixlog.core.config;

import java.util.Locale;

/** What an application thread does when the ring buffer is full. */
public enum OverflowPolicy {
    /** Drop the new event and count it (the default): the application never waits. */
    DROP,
    /** Wait up to {@code blockTimeout} for a free slot, then drop and count. */
    BLOCK;

    static OverflowPolicy parse(String text) {
        return OverflowPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
