package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Analytics do not depend on log levels, on Log4j2 as on Logback: with root at WARN (and a package
 * OFF), every marked call through Log4j2's API and through SLF4J (log4j-slf4j2-impl) reaches Mixpanel
 * and is counted, while a console beside it still sees only WARN and above. {@code followLevels=true}
 * and zero-code mode follow the levels. Real XML configuration, real loopback server.
 */
class LevelsTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    private LoopbackMixpanel server;
    private LoggerContext context;
    private final List<String> console = new CopyOnWriteArrayList<>();

    private MixpanelAppender start(String followLevels, String selection) {
        System.setProperty("levelsTest.followLevels", followLevels);
        System.setProperty("levelsTest.selection", selection);
        context = Configurator.initialize("levels", "log4j2-levels.xml");
        // the console: an appender beside Mixpanel's on the root, with no level of its own
        AbstractAppender stand = new AbstractAppender("console", null, null, true, new Property[0]) {
            @Override
            public void append(LogEvent event) {
                console.add(event.getMessage().getFormattedMessage());
            }
        };
        stand.start();
        context.getConfiguration().addAppender(stand);
        context.getConfiguration().getRootLogger().addAppender(stand, null, null);
        context.updateLoggers();
        return TestContexts.mixpanel(context, "mixpanel");
    }

    @AfterEach
    void stop() {
        System.clearProperty("levelsTest.followLevels");
        System.clearProperty("levelsTest.selection");
        ThreadContext.clearAll();
        if (context != null) {
            Configurator.shutdown(context);
        }
    }

    /** The same mix each time; returns the names of the marked classic calls. */
    private static List<String> logTheMix() {
        org.apache.logging.log4j.Logger shop = LogManager.getLogger("shop.Checkout");
        // the compatibility run with a Log4j2 older than its SLF4J 2 binding has no SLF4J over Log4j2
        boolean slf4jOnLog4j2 = LoggerFactory.getILoggerFactory().getClass().getName().startsWith("org.apache.logging.slf4j");
        ThreadContext.put("distinct_id", "u-1");
        shop.info(MixpanelMarkers.event("Signed Up"), "signed up");                                    // INFO under a WARN root
        shop.debug(MixpanelMarkers.event("Plan Viewed"), new MapMessage<>().with("plan", "pro"));     // DEBUG, a MapMessage
        LogManager.getLogger("shop.quiet.Batch").warn(MixpanelMarkers.event("Batch Ran"), "ran {}", 3); // a logger at OFF
        if (slf4jOnLog4j2) {
            LoggerFactory.getLogger("shop.Signup").info(dev.mixlog.slf4j.MixpanelMarkers.event("Trial Started"), "trial {}", 14);
        }
        shop.warn(MixpanelMarkers.event("Payment Failed"), "failed");                                 // at the root's level
        shop.info("an ordinary line");
        shop.warn("an ordinary warning");
        return slf4jOnLog4j2 ? List.of("Signed Up", "Plan Viewed", "Batch Ran", "Trial Started", "Payment Failed")
                : List.of("Signed Up", "Plan Viewed", "Batch Ran", "Payment Failed");
    }

    @Test
    void underARootAtWarnEveryMarkedCallReachesMixpanelAndTheConsoleSeesOnlyWarnings() {
        MixpanelAppender appender = start("false", "marker");
        List<String> marked = logTheMix();
        Configurator.shutdown(context);

        assertEquals(marked, names(server.acceptedEvents()), "every marked classic call, once, in order");
        server.acceptedEvents().forEach(event -> assertEquals("u-1", event.path("properties").path("distinct_id").asText()));
        assertEquals("pro", server.event("Plan Viewed").path("properties").path("plan").asText());
        MixlogStats stats = appender.getStats();
        assertEquals(marked.size(), stats.delivered());
        assertEquals(marked.size(), stats.delivered() + stats.droppedTotal(), stats.toString());
        assertEquals(List.of("failed", "an ordinary warning"), console, "the console's levels are untouched");
    }

    @Test
    void followLevelsTrueLetsTheLevelsDecideAsForAnyLogEvent() {
        start("true", "marker");
        logTheMix();
        Configurator.shutdown(context);

        assertEquals(List.of("Payment Failed"), names(server.acceptedEvents()));
        assertEquals(List.of("failed", "an ordinary warning"), console);
    }

    @Test
    void zeroCodeModeFollowsTheLevels() {
        start("false", "all");
        logTheMix();
        Configurator.shutdown(context);

        assertEquals(List.of("Payment Failed", "an ordinary warning"), names(server.acceptedEvents()));
    }

    @Test
    void aMarkerThatThrowsAnErrorNeverReachesTheCallerAndTheNextEventArrives() {
        MixpanelAppender appender = start("false", "marker");
        org.apache.logging.log4j.Marker throwing = new org.apache.logging.log4j.Marker() {
            @Override public org.apache.logging.log4j.Marker addParents(org.apache.logging.log4j.Marker... markers) { return this; }
            @Override public String getName() { return "hostile"; }
            @Override public org.apache.logging.log4j.Marker[] getParents() { return null; }
            @Override public boolean hasParents() { return false; }
            @Override public boolean isInstanceOf(org.apache.logging.log4j.Marker m) { throw new StackOverflowError("a marker's own code"); }
            @Override public boolean isInstanceOf(String name) { throw new StackOverflowError("a marker's own code"); }
            @Override public boolean remove(org.apache.logging.log4j.Marker marker) { return false; }
            @Override public org.apache.logging.log4j.Marker setParents(org.apache.logging.log4j.Marker... markers) { return this; }
        };
        org.apache.logging.log4j.Logger shop = LogManager.getLogger("shop.Checkout");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> shop.info(throwing, "below the level"));
        shop.info(MixpanelMarkers.event("Signed Up"), "signed up");
        Configurator.shutdown(context);

        assertEquals(List.of("Signed Up"), names(server.acceptedEvents()));
        MixlogStats stats = appender.getStats();
        assertEquals(1, stats.delivered() + stats.droppedTotal(), stats.toString());
    }

    private static List<String> names(List<JsonNode> events) {
        List<String> names = new ArrayList<>();
        events.forEach(event -> names.add(event.path("event").asText()));
        return names;
    }
}
