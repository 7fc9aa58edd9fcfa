package dev.mixlog.log4j2;

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
    public static final String MIXPANEL_NAME = "MIXPANEL";
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
}
