package dev.mixlog.examples.receiver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A snapshot of what a {@link LocalMixpanelReceiver} has received. */
public final class ReceiverStats {
    private final long requests;
    private final long refusedRequests;
    private final long wireBytes;
    private final long uncompressedBytes;
    private final long events;
    private final long rejectedEvents;
    private final long duplicateInsertIds;
    private final Map<String, Long> eventsByName;
    private final int distinctUsers;
    private final Map<String, String> samples;
    private final UpdateStats profileUpdates;
    private final UpdateStats groupUpdates;

    ReceiverStats(long requests, long refusedRequests, long wireBytes, long uncompressedBytes, long events,
                  long rejectedEvents, long duplicateInsertIds, Map<String, Long> eventsByName, int distinctUsers,
                  Map<String, String> samples, UpdateStats profileUpdates, UpdateStats groupUpdates) {
        this.requests = requests;
        this.refusedRequests = refusedRequests;
        this.wireBytes = wireBytes;
        this.uncompressedBytes = uncompressedBytes;
        this.events = events;
        this.rejectedEvents = rejectedEvents;
        this.duplicateInsertIds = duplicateInsertIds;
        this.eventsByName = byCountDescending(eventsByName);
        this.distinctUsers = distinctUsers;
        this.samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
        this.profileUpdates = profileUpdates;
        this.groupUpdates = groupUpdates;
    }

    /** HTTP requests received on every endpoint, refused ones included. */
    public long requests() { return requests; }
    /** Requests answered with a status other than 2xx. */
    public long refusedRequests() { return refusedRequests; }
    /** Request body bytes as they came over the wire (compressed when gzip was used). */
    public long wireBytes() { return wireBytes; }
    /** Request body bytes after gunzipping. */
    public long uncompressedBytes() { return uncompressedBytes; }
    /** Events that passed validation and were counted as imported. */
    public long events() { return events; }
    /** Events that failed validation. */
    public long rejectedEvents() { return rejectedEvents; }
    /** Accepted events whose {@code $insert_id} had been seen before (Mixpanel would deduplicate them). */
    public long duplicateInsertIds() { return duplicateInsertIds; }
    /** Accepted events per event name, most frequent first. */
    public Map<String, Long> eventsByName() { return eventsByName; }
    /** Distinct non-empty {@code distinct_id} values among accepted events. */
    public int distinctUsers() { return distinctUsers; }

    /** The profile updates received on {@code /engage}. */
    public UpdateStats profileUpdates() { return profileUpdates; }
    /** The group updates received on {@code /groups}. */
    public UpdateStats groupUpdates() { return groupUpdates; }

    /** Uncompressed bytes per byte on the wire; 1 when nothing was received. */
    public double compressionRatio() {
        return wireBytes == 0 ? 1.0 : (double) uncompressedBytes / wireBytes;
    }

    /** The first accepted event of this name, pretty-printed. */
    public Optional<String> sample(String eventName) {
        return Optional.ofNullable(samples.get(eventName));
    }

    /** The first accepted event, pretty-printed. */
    public Optional<String> firstSample() {
        return samples.values().stream().findFirst();
    }

    private static Map<String, Long> byCountDescending(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(sorted);
    }
}
