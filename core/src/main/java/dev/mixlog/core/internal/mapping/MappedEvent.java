package dev.mixlog.core.internal.mapping;

import java.util.Map;

/** A log event after the mapping rules: name, identity, time and properties, not yet sanitized. */
public final class MappedEvent {
    private final String name;
    private final Object distinctId;
    private final long timeMillis;
    private final PropertyList properties;

    /** An event with these properties; when the list is the mapper's own, valid until it maps the next event. */
    public MappedEvent(String name, Object distinctId, long timeMillis, PropertyList properties) {
        this.name = name;
        this.distinctId = distinctId;
        this.timeMillis = timeMillis;
        this.properties = properties;
    }

    public MappedEvent(String name, Object distinctId, long timeMillis, Map<String, ?> properties) {
        this(name, distinctId, timeMillis, PropertyList.of(properties));
    }

    /** The Mixpanel event name. */
    public String name() { return name; }
    /** The resolved {@code distinct_id} value as logged, {@code null} when the event is not tied to a user. */
    public Object distinctId() { return distinctId; }
    public long timeMillis() { return timeMillis; }
    /** User properties in insertion order, later sources having replaced earlier ones. */
    public PropertyList properties() { return properties; }
}
