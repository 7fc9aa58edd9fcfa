package dev.mixlog.slf4j;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;

/**
 * An SLF4J marker naming a Mixpanel event, referencing {@code MIXPANEL} and carrying properties:
 * made by {@link MixpanelMarkers#event(String, Map)} where the backend takes markers it did not make
 * (Logback). Immutable: {@link #add(Marker)} and {@link #remove(Marker)} are refused.
 */
final class PropertyMarker implements Marker {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient Map<String, ?> properties;

    PropertyMarker(String name, Map<String, ?> properties) {
        if (name == null) {
            throw new IllegalArgumentException("a Mixpanel event marker needs a name");
        }
        this.name = name;
        this.properties = properties == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    Map<String, ?> properties() {
        return properties;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void add(Marker reference) {
        throw new IllegalStateException("Mixpanel event markers are immutable");
    }

    @Override
    public boolean remove(Marker reference) {
        return false;
    }

    @Override
    @Deprecated
    public boolean hasChildren() {
        return true;
    }

    @Override
    public boolean hasReferences() {
        return true;
    }

    @Override
    public Iterator<Marker> iterator() {
        return List.of(MixpanelMarkers.MIXPANEL).iterator();
    }

    @Override
    public boolean contains(Marker other) {
        return other != null && (other == this || MixpanelMarkers.MIXPANEL.contains(other) || equals(other));
    }

    @Override
    public boolean contains(String other) {
        return other != null && (name.equals(other) || MixpanelMarkers.MIXPANEL.contains(other));
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
        return name + " [ " + MixpanelMarkers.MIXPANEL_NAME + " ]";
    }
}
