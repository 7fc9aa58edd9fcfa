package dev.mixlog.log4j2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Marker;

/**
 * A Log4j marker naming a Mixpanel event, with {@code MIXPANEL} as its parent, that carries properties
 * sent with the event (the fields of the logged {@code MapMessage} win over them). Unlike the markers of
 * {@code MarkerManager}, it is not shared by name: each call of {@link MixpanelMarkers#event(String, Map)}
 * makes one, so keep it in a constant. Immutable: its parents cannot be changed.
 */
final class PropertiesMarker implements Marker {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient Map<String, ?> properties;

    PropertiesMarker(String name, Map<String, ?> properties) {
        this.name = name;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    Map<String, ?> properties() {
        return properties;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Marker addParents(Marker... markers) {
        throw new IllegalStateException("Mixpanel event markers with properties are immutable");
    }

    @Override
    public Marker setParents(Marker... markers) {
        throw new IllegalStateException("Mixpanel event markers with properties are immutable");
    }

    @Override
    public boolean remove(Marker marker) {
        return false;
    }

    @Override
    public Marker[] getParents() {
        return new Marker[] {MixpanelMarkers.MIXPANEL};
    }

    @Override
    public boolean hasParents() {
        return true;
    }

    @Override
    public boolean isInstanceOf(Marker other) {
        return other != null && (name.equals(other.getName()) || MixpanelMarkers.MIXPANEL.isInstanceOf(other));
    }

    @Override
    public boolean isInstanceOf(String other) {
        return other != null && (name.equals(other) || MixpanelMarkers.MIXPANEL.isInstanceOf(other));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Marker && name.equals(((Marker) other).getName());
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + "[ " + MixpanelMarkers.MIXPANEL_NAME + " ]";
    }
}
