package dev.mixlog.examples;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the demo logged: product events per event name, profile and group updates per operation, and
 * ordinary log lines that carry no marker.
 */
public final class TrafficTally {
    private final Map<String, Long> eventsByName = new TreeMap<>();
    private final Map<String, Long> profileUpdates = new TreeMap<>();
    private final Map<String, Long> groupUpdates = new TreeMap<>();
    private final Set<String> ordinaryMessages = new LinkedHashSet<>();
    private final Set<String> users = new LinkedHashSet<>();
    private long events;
    private long ordinaryLines;

    void user(String distinctId) {
        users.add(distinctId);
    }

    void event(String name) {
        events++;
        eventsByName.merge(name, 1L, Long::sum);
    }

    void profileUpdate(String operation) {
        profileUpdates.merge(operation, 1L, Long::sum);
    }

    void groupUpdate(String operation) {
        groupUpdates.merge(operation, 1L, Long::sum);
    }

    void ordinary(String messageTemplate) {
        ordinaryLines++;
        ordinaryMessages.add(messageTemplate);
    }

    /** Log events marked for Mixpanel. */
    public long events() { return events; }
    /** Marked log events per Mixpanel event name, by name. */
    public Map<String, Long> eventsByName() { return Collections.unmodifiableMap(eventsByName); }
    /** Log calls with a profile-operation marker. */
    public long profileUpdates() { return sum(profileUpdates); }
    /** Profile updates per operation ({@code $set}, {@code $set_once}, ...), by operation. */
    public Map<String, Long> profileUpdatesByOperation() { return Collections.unmodifiableMap(profileUpdates); }
    /** Log calls with a group-operation marker. */
    public long groupUpdates() { return sum(groupUpdates); }
    /** Group updates per operation, by operation. */
    public Map<String, Long> groupUpdatesByOperation() { return Collections.unmodifiableMap(groupUpdates); }
    /** Everything logged for Mixpanel: events, profile updates and group updates. */
    public long records() { return events + profileUpdates() + groupUpdates(); }
    /** Log lines without a Mixpanel marker, which must stay out of Mixpanel. */
    public long ordinaryLines() { return ordinaryLines; }
    /** The message templates of the ordinary lines. */
    public Set<String> ordinaryMessages() { return Collections.unmodifiableSet(ordinaryMessages); }
    /** The simulated users' {@code distinct_id} values. */
    public Set<String> users() { return Collections.unmodifiableSet(users); }

    private static long sum(Map<String, Long> counts) {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }
}
