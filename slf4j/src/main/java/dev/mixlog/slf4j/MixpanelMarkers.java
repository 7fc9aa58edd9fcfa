package dev.mixlog.slf4j;

import dev.mixlog.core.EventProperty;
import dev.mixlog.core.MarkerNames;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The SLF4J markers that select log events for Mixpanel, on whichever backend SLF4J logs to: Logback
 * ({@code mixlog-logback}), or Log4j2 through {@code log4j-slf4j2-impl} ({@code mixlog-log4j2}), so
 * application code does not change when the backend does. Each marker is the backend's own marker
 * of that name with {@code MIXPANEL} added as a reference. Keep the markers you use in constants:
 * <pre>{@code
 * private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
 * log.atInfo().addMarker(SIGNED_UP).addKeyValue("distinct_id", userId).addKeyValue("plan", "pro").log("user signed up");
 * }</pre>
 * Profile and group operations take the log call's key-value pairs as the properties to change, for
 * the profile of its {@code distinct_id} or the group whose id is logged under the group key.
 * Log4j2's own API has its own markers ({@code dev.mixlog.log4j2.MixpanelMarkers}).
 */
public final class MixpanelMarkers {
    /** The name every Mixpanel marker is, or references. */
    public static final String MIXPANEL_NAME = MarkerNames.MIXPANEL;
    /** Sends the log event under its message template as the event name. */
    public static final Marker MIXPANEL = MarkerFactory.getMarker(MIXPANEL_NAME);
    /** The class of Log4j2's SLF4J marker factory, which takes no marker it did not make. */
    private static final String LOG4J_MARKER_FACTORY = "org.apache.logging.slf4j.Log4jMarkerFactory";

    private MixpanelMarkers() {
    }

    /**
     * The marker that sends the log event as the Mixpanel event {@code eventName}. Never throws: an
     * event under a blank (or {@code null}) name is not sent, and counted as invalid, with a warning.
     */
    public static Marker event(String eventName) {
        String name = eventName == null ? "" : eventName;
        return MIXPANEL_NAME.equals(name) ? MIXPANEL : referencingMixpanel(name);
    }

    /**
     * A marker that sends the log event as {@code eventName} with these properties added (the log
     * call's key-value pairs win over them). On Logback the marker carries them. Log4j2's SLF4J binding
     * passes markers by name alone, so there it is {@link #event(String)}'s marker and the properties
     * are not sent: log them as key-value pairs, or use Log4j2's own markers.
     */
    public static Marker event(String eventName, Map<String, ?> properties) {
        if (properties == null || properties.isEmpty() || passesMarkersByName()) {
            return event(eventName);
        }
        return new PropertyMarker(eventName == null ? "" : eventName, properties);
    }

    /**
     * A typed property, passed as an argument of the logging call:
     * {@code log.info(SIGNED_UP, "user {} signed up", userId, property("distinct_id", userId), property("seats", 7))}.
     * It keeps its Java type on Logback and through Log4j2's SLF4J binding alike (which turns SLF4J
     * key-value pairs into text), so both send the same JSON. With the classic API and a marker, the
     * call also passes logger levels. Later arguments win over key-value pairs and earlier ones.
     */
    public static EventProperty property(String key, Object value) {
        return EventProperty.of(key, value);
    }

    /** The properties a marker of {@link #event(String, Map)} carries; none for any other marker. For appenders. */
    public static Map<String, ?> propertiesOf(Marker marker) {
        return marker instanceof PropertyMarker ? ((PropertyMarker) marker).properties() : Map.of();
    }

    /** {@code $set} on the profile of the event's {@code distinct_id}: the key-value pairs become profile properties. */
    public static Marker profileSet() { return profile("$set"); }
    /** {@code $set_once}: like {@link #profileSet()}, without overwriting existing values. */
    public static Marker profileSetOnce() { return profile("$set_once"); }
    /** {@code $add}: adds the numeric values to the profile's. */
    public static Marker profileAdd() { return profile("$add"); }
    /** {@code $append}: appends each value to the profile's list. */
    public static Marker profileAppend() { return profile("$append"); }
    /** {@code $union}: merges the list values into the profile's lists. */
    public static Marker profileUnion() { return profile("$union"); }
    /** {@code $remove}: removes each value from the profile's list. */
    public static Marker profileRemove() { return profile("$remove"); }
    /** {@code $unset}: removes the properties named by the keys (their values are ignored). */
    public static Marker profileUnset() { return profile("$unset"); }
    /** {@code $delete}: deletes the whole profile. */
    public static Marker profileDelete() { return profile("$delete"); }

    /** {@code $set} on the group whose id is logged under {@code groupKey}. */
    public static Marker groupSet(String groupKey) { return group(groupKey, "$set"); }
    /** {@code $set_once} on the group whose id is logged under {@code groupKey}. */
    public static Marker groupSetOnce(String groupKey) { return group(groupKey, "$set_once"); }
    /** {@code $union} on the group whose id is logged under {@code groupKey}. */
    public static Marker groupUnion(String groupKey) { return group(groupKey, "$union"); }
    /** {@code $remove} on the group whose id is logged under {@code groupKey}. */
    public static Marker groupRemove(String groupKey) { return group(groupKey, "$remove"); }
    /** {@code $unset} on the group whose id is logged under {@code groupKey}. */
    public static Marker groupUnset(String groupKey) { return group(groupKey, "$unset"); }
    /** {@code $delete}: deletes the group whose id is logged under {@code groupKey}. */
    public static Marker groupDelete(String groupKey) { return group(groupKey, "$delete"); }

    /**
     * An {@code $identify} event for projects on the original ID merge, sent to {@code /track}:
     * {@code $identified_id} is the event's {@code distinct_id}, {@code $anon_id} the value under
     * {@code $anon_id}. Projects on simplified ID merge refuse it.
     */
    public static Marker identify() { return referencingMixpanel(MarkerNames.IDENTIFY); }

    private static Marker profile(String operation) {
        return referencingMixpanel(MarkerNames.profile(operation));
    }

    private static Marker group(String groupKey, String operation) {
        return referencingMixpanel(MarkerNames.group(groupKey, operation));
    }

    private static boolean passesMarkersByName() {
        return LOG4J_MARKER_FACTORY.equals(MarkerFactory.getIMarkerFactory().getClass().getName());
    }

    private static Marker referencingMixpanel(String name) {
        Marker marker = MarkerFactory.getMarker(name);
        if (!marker.contains(MIXPANEL)) {
            marker.add(MIXPANEL);
        }
        return marker;
    }
}
