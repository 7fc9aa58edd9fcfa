package dev.mixlog.examples.receiver;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A snapshot of the profile updates or group updates a {@link LocalMixpanelReceiver} has received. */
public final class UpdateStats {
    private final long accepted;
    private final long rejected;
    private final long duplicates;
    private final Map<String, Long> byOperation;
    private final int distinctTargets;
    private final String sample;

    UpdateStats(long accepted, long rejected, long duplicates, Map<String, Long> byOperation, int distinctTargets,
                String sample) {
        this.accepted = accepted;
        this.rejected = rejected;
        this.duplicates = duplicates;
        this.byOperation = Collections.unmodifiableMap(new TreeMap<>(byOperation));
        this.distinctTargets = distinctTargets;
        this.sample = sample;
    }

    /** Updates that passed validation. */
    public long accepted() { return accepted; }
    /** Updates in requests refused for an invalid update. */
    public long rejected() { return rejected; }
    /** Accepted updates identical to one accepted before (a resent request would show here). */
    public long duplicates() { return duplicates; }
    /** Accepted updates per operation ({@code $set}, {@code $set_once}, ...), by operation. */
    public Map<String, Long> byOperation() { return byOperation; }
    /** Distinct profiles ({@code $distinct_id}) or groups ({@code $group_key}/{@code $group_id}) updated. */
    public int distinctTargets() { return distinctTargets; }
    /** The first accepted update, pretty-printed. */
    public Optional<String> sample() { return Optional.ofNullable(sample); }
}
