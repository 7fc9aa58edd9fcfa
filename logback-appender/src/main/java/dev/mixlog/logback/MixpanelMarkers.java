package dev.mixlog.logback;

import dev.mixlog.core.MarkerNames;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The SLF4J markers that select log events for Mixpanel. Keep the markers you use in constants:
 * <pre>{@code
 * private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
 * log.atInfo().addMarker(SIGNED_UP).addKeyValue("distinct_id", userId).log("user signed up");
 * }</pre>
 */
public final class MixpanelMarkers {
    /** The name every Mixpanel marker is, or references. */
    public static final String MIXPANEL_NAME = MarkerNames.MIXPANEL;
    /** Sends the log event under its message template as the event name. */
    public static final Marker MIXPANEL = MarkerFactory.getMarker(MIXPANEL_NAME);

    private MixpanelMarkers() {
    }

    /** A marker that sends the log event as the Mixpanel event {@code eventName}. */
    public static Marker event(String eventName) {
        return new EventMarker(eventName, Map.of());
    }

    /**
     * A marker that sends the log event as {@code eventName}, with these properties added (key-value
     * pairs of the log call win over them).
     */
    public static Marker event(String eventName, Map<String, ?> properties) {
        return new EventMarker(eventName, properties);
    }

    /** {@code $set} on the profile of the event's {@code distinct_id}: the key-value pairs become profile properties. */
    public static Marker profileSet() { return PROFILE_SET; }
    /** {@code $set_once}: like {@link #profileSet()}, without overwriting existing values. */
    public static Marker profileSetOnce() { return PROFILE_SET_ONCE; }
    /** {@code $add}: numeric key-value pairs are added to the profile's values. */
    public static Marker profileAdd() { return PROFILE_ADD; }
    /** {@code $append}: each value is appended to the list property of its key. */
    public static Marker profileAppend() { return PROFILE_APPEND; }
    /** {@code $union}: each list value is merged into the list property of its key, without duplicates. */
    public static Marker profileUnion() { return PROFILE_UNION; }
    /** {@code $remove}: each value is removed from the list property of its key. */
    public static Marker profileRemove() { return PROFILE_REMOVE; }
    /** {@code $unset}: the key-value keys name the profile properties to remove (values are ignored). */
    public static Marker profileUnset() { return PROFILE_UNSET; }
    /** {@code $delete}: deletes the profile of the event's {@code distinct_id}. */
    public static Marker profileDelete() { return PROFILE_DELETE; }

    /** {@code $set} on the group whose id is the value under {@code groupKey} (key-value pair, else MDC). */
    public static Marker groupSet(String groupKey) { return group(groupKey, "$set"); }
    /** {@code $set_once} on a group. */
    public static Marker groupSetOnce(String groupKey) { return group(groupKey, "$set_once"); }
    /** {@code $union} on a group. */
    public static Marker groupUnion(String groupKey) { return group(groupKey, "$union"); }
    /** {@code $remove} on a group. */
    public static Marker groupRemove(String groupKey) { return group(groupKey, "$remove"); }
    /** {@code $unset} on a group: the key-value keys name the properties to remove. */
    public static Marker groupUnset(String groupKey) { return group(groupKey, "$unset"); }
    /** {@code $delete}: deletes the group profile. */
    public static Marker groupDelete(String groupKey) { return group(groupKey, "$delete"); }

    /**
     * An {@code $identify} event for projects on the original ID merge, sent to {@code /track}:
     * {@code $identified_id} is the event's {@code distinct_id}, {@code $anon_id} the value under {@code $anon_id}.
     */
    public static Marker identify() { return IDENTIFY; }

    private static final Marker PROFILE_SET = profile("$set");
    private static final Marker PROFILE_SET_ONCE = profile("$set_once");
    private static final Marker PROFILE_ADD = profile("$add");
    private static final Marker PROFILE_APPEND = profile("$append");
    private static final Marker PROFILE_UNION = profile("$union");
    private static final Marker PROFILE_REMOVE = profile("$remove");
    private static final Marker PROFILE_UNSET = profile("$unset");
    private static final Marker PROFILE_DELETE = profile("$delete");
    private static final Marker IDENTIFY = new EventMarker(MarkerNames.IDENTIFY, Map.of());

    private static Marker profile(String verb) {
        return new EventMarker(MarkerNames.profile(verb), Map.of());
    }

    private static Marker group(String groupKey, String verb) {
        return new EventMarker(MarkerNames.group(groupKey, verb), Map.of());
    }
}
