package dev.mixlog.log4j2;

import org.apache.logging.log4j.Marker;

/** Decides from a log event's marker whether it goes to Mixpanel and under which event name. */
final class MarkerRules {
    /** Bounds the walk up a marker's parents, which Log4j does not keep free of cycles. */
    private static final int MAX_DEPTH = 16;

    private MarkerRules() {
    }

    /** Whether the marker is {@code MIXPANEL} or has it among its ancestors. */
    static boolean isSelected(Marker marker) {
        return marker != null && marker.isInstanceOf(MixpanelMarkers.MIXPANEL_NAME);
    }

    /**
     * The name of the marker that has {@code MIXPANEL} as a parent: the event's own marker, or else the
     * nearest such ancestor; {@code null} when there is none (the event is named by its message template).
     */
    static String eventName(Marker marker) {
        return marker == null ? null : childOfMixpanel(marker, 0);
    }

    private static String childOfMixpanel(Marker marker, int depth) {
        Marker[] parents = marker.hasParents() && depth < MAX_DEPTH ? marker.getParents() : null;
        if (parents == null || MixpanelMarkers.MIXPANEL_NAME.equals(marker.getName())) {
            return null;
        }
        for (Marker parent : parents) {
            if (parent != null && MixpanelMarkers.MIXPANEL_NAME.equals(parent.getName())) {
                return marker.getName();
            }
        }
        for (Marker parent : parents) {
            String name = parent == null ? null : childOfMixpanel(parent, depth + 1);
            if (name != null) {
                return name;
            }
        }
        return null;
    }
}
