package dev.mixlog.core.internal;

import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Counts the events of each {@code distinct_id} and group id per UTC day, as Mixpanel does before it
 * files the events of a hot id under {@code $hotshard_events}, in bounded memory: a count-min sketch
 * with conservative update ({@link #ROWS} rows of {@link #COLUMNS} counters, 256 KiB, made at the
 * first id), whose counts may be high, by about {@code e / COLUMNS} of the day's events at most
 * (for 10 million events a day: some 1,700), never low. Says when an id nears the limit (90%) and
 * when it passes it, once each per id and day for at most {@link #NAMED_PER_DAY} ids, naming the id
 * shortened. Consumer thread only.
 */
final class HotShardWatch {
    static final int ROWS = 4;
    static final int COLUMNS = 1 << 14;
    /** Ids a day that may be named in warnings: a flood of hot ids cannot flood the status channel. */
    static final int NAMED_PER_DAY = 32;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int GROUP_SALT = 0x5bd1e995;

    private final long limit;
    private final long groupLimit;
    private int[] counts;
    private long day = Long.MIN_VALUE;
    /** The ids named today as near the limit, and as past it: at most {@link #NAMED_PER_DAY} each. */
    private final Set<String> near = new HashSet<>();
    private final Set<String> passed = new HashSet<>();
    private String warning;

    HotShardWatch(int limit) {
        this.limit = limit;
        this.groupLimit = (long) limit * MixpanelRules.HOT_SHARD_GROUP_FACTOR;
    }

    /**
     * Counts one event of this {@code distinct_id} at this time; returns whether the id is past the
     * limit today. A warning due is then in {@link #takeWarning}.
     */
    boolean countUser(String distinctId, long timeMillis) {
        return count(distinctId, distinctId.hashCode(), limit, "distinct_id", timeMillis);
    }

    /** Counts one event carrying this value under a group key; as {@link #countUser}, with the group limit. */
    boolean countGroup(String groupKey, String groupId, long timeMillis) {
        int hash = (groupKey.hashCode() * 31 + groupId.hashCode()) ^ GROUP_SALT;
        return count(groupId, hash, groupLimit, "group id (" + groupKey + ")", timeMillis);
    }

    /** The warning due after the last count, or {@code null}; cleared as it is taken. */
    String takeWarning() {
        String due = warning;
        warning = null;
        return due;
    }

    /** Bytes the counters take (0 before the first id): bounded, whatever the number of ids. */
    long footprintBytes() {
        return counts == null ? 0 : (long) counts.length * Integer.BYTES;
    }

    private boolean count(String id, int hash, long idLimit, String what, long timeMillis) {
        startDay(Math.floorDiv(timeMillis, MILLIS_PER_DAY));
        long estimate = add(hash);
        if (estimate > idLimit) {
            if (named(passed, id)) {
                near.add(id);
                warning = warning(id, what, "passed " + idLimit + " events today (UTC): Mixpanel files its further events "
                        + "under $hotshard_events");
            }
        } else if (estimate >= idLimit * 9 / 10 && named(near, id)) {
            warning = warning(id, what, "has " + estimate + " events today (UTC); past " + idLimit + " a day Mixpanel "
                    + "files its events under $hotshard_events");
        }
        return estimate > idLimit;
    }

    private void startDay(long today) {
        if (today > day) {
            day = today;
            near.clear();
            passed.clear();
            if (counts != null) {
                Arrays.fill(counts, 0);
            }
        }
    }

    /** Adds one to the id's counters that hold its least count (conservative update); returns its new count. */
    private long add(int hash) {
        if (counts == null) {
            counts = new int[ROWS * COLUMNS];
        }
        int second = mix(hash);
        int least = Integer.MAX_VALUE;
        for (int row = 0; row < ROWS; row++) {
            least = Math.min(least, counts[cell(hash, second, row)]);
        }
        if (least == Integer.MAX_VALUE) {
            return least;
        }
        for (int row = 0; row < ROWS; row++) {
            int cell = cell(hash, second, row);
            if (counts[cell] == least) {
                counts[cell] = least + 1;
            }
        }
        return least + 1L;
    }

    private static int cell(int hash, int second, int row) {
        return row * COLUMNS + ((hash + row * second) & (COLUMNS - 1));
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        h ^= h >>> 16;
        return h | 1;
    }

    /** Whether the id is named now: not named before today at this stage, and room left to name it. */
    private static boolean named(Set<String> stage, String id) {
        return stage.size() < NAMED_PER_DAY && stage.add(id);
    }

    private static String warning(String id, String what, String news) {
        return "the " + what + " " + shortened(id) + " " + news + ". A constant, a host or a pod name used as an id gets "
                + "there; Mixlog sends such events all the same unless hotShardDrop is set (then they are dropped and "
                + "counted as hot_shard). Counted by this appender since its start (hotShardLimit)";
    }

    /** The id as a warning names it: its first and last two characters and its length, never the whole. */
    static String shortened(String id) {
        int length = id.length();
        String shown = length <= 4 ? "…" : id.substring(0, 2) + "…" + id.substring(length - 2);
        return String.format(Locale.ROOT, "'%s' (%d characters)", shown, length);
    }
}
