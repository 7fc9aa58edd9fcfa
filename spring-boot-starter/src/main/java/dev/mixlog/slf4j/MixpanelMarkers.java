package dev.mixlog.slf4j;

import dev.mixlog.core.MarkerNames;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * SLF4J markers that select log events for Mixpanel whichever backend SLF4J logs to: Logback, or
 * Log4j2 through log4j-slf4j2-impl (which refuses the detached markers of
 * {@code dev.mixlog.logback.MixpanelMarkers}). Each is the SLF4J marker of that name, with
 * {@code MIXPANEL} added as a reference, so application code does not change when the backend does.
 * Keep the markers you use in constants:
 * <pre>{@code
 * private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
 * log.atInfo().addMarker(SIGNED_UP).addKeyValue("plan", "pro").log("user signed up");
 * }</pre>
 * Markers carrying properties exist for each backend only ({@code event(name, Map)} of the Logback
 * and Log4j2 helpers).
 */
public final class MixpanelMarkers {
    /** Sends the log event under its message template as the event name. */
    public static final Marker MIXPANEL = MarkerFactory.getMarker(MarkerNames.MIXPANEL);

    private MixpanelMarkers() {
    }

    /** The marker that sends the log event as the Mixpanel event {@code eventName}. */
    public static Marker event(String eventName) {
        if (eventName == null || eventName.isBlank()) {
            throw new IllegalArgumentException("a Mixpanel event marker needs a name");
        }
        return MarkerNames.MIXPANEL.equals(eventName) ? MIXPANEL : referencingMixpanel(eventName);
    }

    /** A profile operation ({@code $set}, {@code $set_once}, {@code $add}, ...) on the event's {@code distinct_id}. */
    public static Marker profile(String operation) {
        return referencingMixpanel(MarkerNames.profile(operation));
    }

    /** A group operation on the group whose id is logged under {@code groupKey}. */
    public static Marker group(String groupKey, String operation) {
        return referencingMixpanel(MarkerNames.group(groupKey, operation));
    }

    /** An {@code $identify} event (original ID merge). */
    public static Marker identify() {
        return referencingMixpanel(MarkerNames.IDENTIFY);
    }

    private static Marker referencingMixpanel(String name) {
        Marker marker = MarkerFactory.getMarker(name);
        if (!marker.contains(MIXPANEL)) {
            marker.add(MIXPANEL);
        }
        return marker;
    }
}
