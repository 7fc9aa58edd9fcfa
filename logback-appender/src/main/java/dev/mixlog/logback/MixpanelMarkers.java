package dev.mixlog.logback;

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
    public static final String MIXPANEL_NAME = "MIXPANEL";
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
}
