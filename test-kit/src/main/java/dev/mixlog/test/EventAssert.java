package dev.mixlog.test;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on the recorded events of one name; each narrows them to those that match, and fails
 * when none does, showing the candidates.
 */
public final class EventAssert {
    private final MixlogRecorder recorder;
    private final String description;
    private final List<RecordedEvent> events;

    EventAssert(MixlogRecorder recorder, String description, List<RecordedEvent> events) {
        this.recorder = recorder;
        this.description = description;
        this.events = events;
    }

    /** Keeps the events of this {@code distinct_id}. */
    public EventAssert withDistinctId(String distinctId) {
        return narrowed("distinct_id " + distinctId,
                events.stream().filter(event -> distinctId.equals(event.distinctId())).collect(Collectors.toList()));
    }

    /** Keeps the events with this property and value (numbers compare by value: 5 matches 5.0). */
    public EventAssert withProperty(String name, Object value) {
        return narrowed(name + "=" + value,
                events.stream().filter(event -> Values.same(value, event.property(name))).collect(Collectors.toList()));
    }

    /** Keeps the events that have this property, whatever its value. */
    public EventAssert withProperty(String name) {
        return narrowed("a property " + name,
                events.stream().filter(event -> event.properties().containsKey(name)).collect(Collectors.toList()));
    }

    /** Fails unless exactly this many events are left. */
    public EventAssert times(int count) {
        if (events.size() != count) {
            throw new AssertionError("expected " + count + " event(s) " + description + ", found " + events.size() + ":"
                    + RecordingReport.listed(events));
        }
        return this;
    }

    /** The events left, to go on with plain assertions. */
    public List<RecordedEvent> events() {
        return events;
    }

    /** Back to assertions on everything the test recorded. */
    public RecorderAssert and() {
        return new RecorderAssert(recorder);
    }

    private EventAssert narrowed(String condition, List<RecordedEvent> left) {
        if (left.isEmpty()) {
            throw new AssertionError("expected an event " + description + " with " + condition + ", but none of the "
                    + events.size() + " has it:" + RecordingReport.listed(events));
        }
        return new EventAssert(recorder, description + " with " + condition, left);
    }
}
