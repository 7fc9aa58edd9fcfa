package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.TypedProperties;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * The typed way, on Logback: properties passed as {@code MixpanelMarkers.property} arguments of a
 * classic marked call arrive with their JSON types, the same bytes as over Log4j2 (log4j2-appender's
 * TypedPropertiesTest holds the same {@link TypedProperties#EXPECTED_JSON}), under a root at WARN.
 */
class TypedPropertiesTest {
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();

    @Test
    void typedPropertiesArriveWithTheirTypesAndTheMessageShowsThem() {
        LogbackHarness logback = fixture.configure("typed-properties.xml");
        Logger log = logback.logger();
        Object[] arguments = TypedProperties.arguments(MixpanelMarkers::property);

        log.info(MixpanelMarkers.event("Signed Up"), "signed up {} {}", arguments);
        logback.stop();

        List<JsonNode> events = fixture.server().acceptedEvents();
        assertEquals(1, events.size());
        assertEquals(TypedProperties.EXPECTED_JSON, TypedProperties.propertiesJson(events.get(0)));
        assertEquals("distinct_id=u-1 seats=7", org.slf4j.helpers.MessageFormatter.arrayFormat("{} {}", arguments).getMessage(),
                "a placeholder shows key=value");
        assertEquals(1, logback.stats().delivered() + logback.stats().droppedTotal());
    }
}
