package dev.mixlog.log4j2;

import dev.mixlog.core.EventProperty;
import dev.mixlog.core.MarkerNames;
import java.util.Map;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;

/**
 * The Log4j markers that select log events for Mixpanel. Keep the markers you use in constants:
 * <pre>{@code
 * private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
 * log.info(SIGNED_UP, new MapMessage<>().with("distinct_id", userId).with("plan", plan));
 * }</pre>
 * Log4j markers are shared by name across the JVM, so {@link #event(String)} makes the marker of that
 * name a child of {@code MIXPANEL} wherever it is used. Through SLF4J, the same marker is
 * {@code MarkerFactory.getMarker("Signed Up")} with {@code MarkerFactory.getMarker("MIXPANEL")} added.
 */
public final class MixpanelMarkers {
    /** The name every Mixpanel marker is, or has as a parent. */
    public static final String MIXPANEL_NAME = MarkerNames.MIXPANEL;
    /** Sends the log event under its message template as the event name. */
    public static final Marker MIXPANEL = MarkerManager.getMarker(MIXPANEL_NAME);

    private MixpanelMarkers() {
    }

    /**
     * The marker named {@code eventName}, with {@code MIXPANEL} added to its parents: sends the log
     * event as that Mixpanel event.
     */
    public static Marker event(String eventName) {
        if (eventName == null) {
            throw new IllegalArgumentException("a Mixpanel event marker needs a name");
        }
        if (MIXPANEL_NAME.equals(eventName)) {
            return MIXPANEL;
        }
        return MarkerManager.getMarker(eventName).addParents(MIXPANEL);
    }

    /**
     * A marker that sends the log event as {@code eventName}, with these properties added (the fields
     * of the logged {@code MapMessage} win over them). Unlike {@link #event(String)}, the marker is not
     * shared by name through {@code MarkerManager}: keep it in a constant.
     */
    public static Marker event(String eventName, Map<String, ?> properties) {
        if (properties == null || properties.isEmpty()) {
            return event(eventName);
        }
        if (eventName == null || MIXPANEL_NAME.equals(eventName)) {
            throw new IllegalArgumentException("a Mixpanel event marker with properties needs a name other than MIXPANEL");
        }
        return new PropertiesMarker(eventName, properties);
    }

    /**
     * A typed property, passed as an argument of the logging call:
     * {@code logger.info(SIGNED_UP, "signed up {}", property("seats", 7))}. The same as SLF4J's
     * {@code dev.mixlog.slf4j.MixpanelMarkers.property}; a {@code MapMessage} does the same for Log4j2's API.
     */
    public static EventProperty property(String key, Object value) {
        return EventProperty.of(key, value);
    }

    /** {@code $set} on the profile of the event's {@code distinct_id}: the map message's fields become profile properties. */
    public static Marker profileSet() { return operation(MarkerNames.profile("$set")); }
    /** {@code $set_once}: like {@link #profileSet()}, without overwriting existing values. */
    public static Marker profileSetOnce() { return operation(MarkerNames.profile("$set_once")); }
    /** {@code $add}: numeric fields are added to the profile's values. */
    public static Marker profileAdd() { return operation(MarkerNames.profile("$add")); }
    /** {@code $append}: each value is appended to the list property of its key. */
    public static Marker profileAppend() { return operation(MarkerNames.profile("$append")); }
    /** {@code $union}: each list value is merged into the list property of its key, without duplicates. */
    public static Marker profileUnion() { return operation(MarkerNames.profile("$union")); }
    /** {@code $remove}: each value is removed from the list property of its key. */
    public static Marker profileRemove() { return operation(MarkerNames.profile("$remove")); }
    /** {@code $unset}: the field names name the profile properties to remove (values are ignored). */
    public static Marker profileUnset() { return operation(MarkerNames.profile("$unset")); }
    /** {@code $delete}: deletes the profile of the event's {@code distinct_id}. */
    public static Marker profileDelete() { return operation(MarkerNames.profile("$delete")); }

    /** {@code $set} on the group whose id is the value under {@code groupKey} (map-message field, else ThreadContext). */
    public static Marker groupSet(String groupKey) { return operation(MarkerNames.group(groupKey, "$set")); }
    /** {@code $set_once} on a group. */
    public static Marker groupSetOnce(String groupKey) { return operation(MarkerNames.group(groupKey, "$set_once")); }
    /** {@code $union} on a group. */
    public static Marker groupUnion(String groupKey) { return operation(MarkerNames.group(groupKey, "$union")); }
    /** {@code $remove} on a group. */
    public static Marker groupRemove(String groupKey) { return operation(MarkerNames.group(groupKey, "$remove")); }
    /** {@code $unset} on a group: the field names name the properties to remove. */
    public static Marker groupUnset(String groupKey) { return operation(MarkerNames.group(groupKey, "$unset")); }
    /** {@code $delete}: deletes the group profile. */
    public static Marker groupDelete(String groupKey) { return operation(MarkerNames.group(groupKey, "$delete")); }

    /**
     * An {@code $identify} event for projects on the original ID merge, sent to {@code /track}:
     * {@code $identified_id} is the event's {@code distinct_id}, {@code $anon_id} the value under {@code $anon_id}.
     */
    public static Marker identify() { return operation(MarkerNames.IDENTIFY); }

    private static Marker operation(String markerName) {
        return MarkerManager.getMarker(markerName).addParents(MIXPANEL);
    }
}
