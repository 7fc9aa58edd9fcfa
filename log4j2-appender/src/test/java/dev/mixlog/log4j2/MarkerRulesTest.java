package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.junit.jupiter.api.Test;

/** Selection and event names from Log4j markers (names are unique per test: markers are JVM-wide). */
class MarkerRulesTest {

    @Test
    void anEventMarkerIsSelectedAndNamesTheEvent() {
        Marker signedUp = MixpanelMarkers.event("Rules Signed Up");
        assertTrue(MarkerRules.isSelected(signedUp));
        assertEquals("Rules Signed Up", MarkerRules.eventName(signedUp));
        assertSame(signedUp, MixpanelMarkers.event("Rules Signed Up"), "one marker per name");
        assertEquals(1, signedUp.getParents().length, "MIXPANEL is added once");
    }

    @Test
    void theMixpanelMarkerSelectsWithoutNaming() {
        assertTrue(MarkerRules.isSelected(MixpanelMarkers.MIXPANEL));
        assertNull(MarkerRules.eventName(MixpanelMarkers.MIXPANEL));
        assertSame(MixpanelMarkers.MIXPANEL, MixpanelMarkers.event("MIXPANEL"));
        assertFalse(MixpanelMarkers.MIXPANEL.hasParents());
    }

    @Test
    void aMarkerBelowAnEventMarkerIsNamedByTheEventMarker() {
        Marker audited = MarkerManager.getMarker("Rules Audit").addParents(MixpanelMarkers.event("Rules Plan Changed"));
        assertTrue(MarkerRules.isSelected(audited));
        assertEquals("Rules Plan Changed", MarkerRules.eventName(audited));
    }

    @Test
    void otherMarkersAreNotSelected() {
        Marker sql = MarkerManager.getMarker("Rules SQL").addParents(MarkerManager.getMarker("Rules DB"));
        assertFalse(MarkerRules.isSelected(sql));
        assertFalse(MarkerRules.isSelected(null));
        assertNull(MarkerRules.eventName(sql));
        assertNull(MarkerRules.eventName(null));
    }
}
