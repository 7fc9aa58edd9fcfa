package dev.mixlog.core.internal;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.mapping.PropertyList;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Watches for a {@code distinctIdKey} that names no key the events carry: when a key other than the
 * default is configured and most events of an interval go out without a {@code distinct_id}, it says
 * so once per interval, naming the key and the keys the events did carry. Consumer thread only.
 */
final class IdentityWatch {
    /** Fewer events than this in an interval tell too little; the interval then runs on. */
    private static final int ENOUGH_EVENTS = 5;
    private static final int KEYS_NAMED = 10;
    private final String key;
    private final boolean watching;
    private final long intervalNanos;
    private long windowStart = System.nanoTime();
    private long sent;
    private long anonymous;
    private final Set<String> keysCarried = new LinkedHashSet<>();

    IdentityWatch(String distinctIdKey, Duration interval) {
        this.key = distinctIdKey;
        this.watching = !Settings.DISTINCT_ID_KEY.defaultValue().equals(distinctIdKey);
        this.intervalNanos = interval.toNanos();
    }

    /** An event went out, anonymous or not; returns the warning due now, or {@code null}. */
    String sent(boolean withoutId, PropertyList properties, long now) {
        if (!watching) {
            return null;
        }
        sent++;
        if (withoutId) {
            anonymous++;
            for (int i = 0; i < properties.size() && keysCarried.size() < KEYS_NAMED; i++) {
                keysCarried.add(properties.key(i));
            }
        }
        if (now - windowStart < intervalNanos || sent < ENOUGH_EVENTS) {
            return null;
        }
        String warning = anonymous * 2 > sent
                ? anonymous + " of the last " + sent + " events went out without a distinct_id (anonymous, tied to no user): "
                        + "none of them had a value under the distinctIdKey '" + key + "' (mixlog.distinct-id-key); the keys "
                        + "they carried: " + (keysCarried.isEmpty() ? "none" : String.join(", ", keysCarried))
                        + ". Set distinctIdKey to the key that holds the user's id (keys are case-sensitive)"
                : null;
        windowStart = now;
        sent = 0;
        anonymous = 0;
        keysCarried.clear();
        return warning;
    }
}
