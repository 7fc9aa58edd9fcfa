package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.TypedProperties;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The typed way on Log4j2: properties passed as {@code MixpanelMarkers.property} arguments arrive with
 * their JSON types through Log4j2's API and through SLF4J over Log4j2 (where SLF4J key-value pairs
 * become text), the same bytes as on Logback ({@link TypedProperties#EXPECTED_JSON}), under a root at WARN.
 */
class TypedPropertiesTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    private LoopbackMixpanel server;
    private LoggerContext context;

    @BeforeEach
    void start() {
        context = Configurator.initialize("typed", "log4j2-typed.xml");
    }

    @AfterEach
    void stop() {
        Configurator.shutdown(context);
    }

    @Test
    void throughLog4j2sApi() {
        Object[] arguments = TypedProperties.arguments(MixpanelMarkers::property);
        LogManager.getLogger("shop.Signup").info(MixpanelMarkers.event("Signed Up"), "signed up {} {}", arguments);
        Configurator.shutdown(context);

        assertEquals(TypedProperties.EXPECTED_JSON, TypedProperties.propertiesJson(server.event("Signed Up")));
    }

    @Test
    void throughSlf4jOverLog4j2() {
        assumeTrue(LoggerFactory.getILoggerFactory().getClass().getName().startsWith("org.apache.logging.slf4j"),
                "SLF4J 2 over this Log4j2");
        Object[] arguments = TypedProperties.arguments(dev.mixlog.slf4j.MixpanelMarkers::property);
        LoggerFactory.getLogger("shop.Signup").info(dev.mixlog.slf4j.MixpanelMarkers.event("Signed Up"), "signed up {} {}", arguments);
        Configurator.shutdown(context);

        assertEquals(TypedProperties.EXPECTED_JSON, TypedProperties.propertiesJson(server.event("Signed Up")));
    }
}
