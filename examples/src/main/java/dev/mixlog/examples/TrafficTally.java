package dev.mixlog.examples;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the demo logged: product events per event name, and ordinary log lines that carry no marker. */
public final class TrafficTally {
    private final Map<String, Long> eventsByName = new TreeMap<>();
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

    void ordinary(String messageTemplate) {
        ordinaryLines++;
        ordinaryMessages.add(messageTemplate);
    }

    /** Log events marked for Mixpanel. */
    public long events() { return events; }
    /** Marked log events per Mixpanel event name, by name. */
    public Map<String, Long> eventsByName() { return Collections.unmodifiableMap(eventsByName); }
    /** Log lines without a Mixpanel marker, which must stay out of Mixpanel. */
    public long ordinaryLines() { return ordinaryLines; }
    /** The message templates of the ordinary lines. */
    public Set<String> ordinaryMessages() { return Collections.unmodifiableSet(ordinaryMessages); }
    /** The simulated users' {@code distinct_id} values. */
    public Set<String> users() { return Collections.unmodifiableSet(users); }
}
