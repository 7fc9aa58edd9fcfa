package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Analytics do not depend on log levels: with root at WARN (and a package OFF), as production often
 * runs, every marked call of the classic API reaches Mixpanel and is counted, while the console beside
 * the Mixpanel appender still sees only WARN and above. {@code followLevels=true} and zero-code mode
 * follow the levels. Real Logback configuration, real loopback server.
 */
class LevelsTest {
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();

    private LogbackHarness start(String followLevels, String selection) {
        return fixture.configure("levels-root-warn.xml", Map.of("mockUrl", server.url(), "followLevels", followLevels,
                "selection", selection));
    }

    /** Logs the same mix each time; returns the names of the events it logged with a marker. */
    private static List<String> logTheMix(LogbackHarness logback) {
        Logger shop = logback.logger();
        Logger quiet = logback.context().getLogger("shop.quiet.Batch");
        MDC.put("distinct_id", "u-1");
        try {
            shop.info(SIGNED_UP, "signed up");                                   // INFO under a WARN root
            shop.debug(MixpanelMarkers.event("Plan Viewed"), "viewed {}", "pro"); // DEBUG, with an argument
            quiet.warn(MixpanelMarkers.event("Batch Ran"), "ran");                // a logger at OFF
            shop.warn(MixpanelMarkers.event("Payment Failed"), "failed");         // at the root's level
            shop.info("an ordinary line");                                        // no marker: levels decide
            shop.warn("an ordinary warning");
            shop.atInfo().addMarker(MixpanelMarkers.event("Fluent")).log("fluent"); // fluent API: asks for INFO first
        } finally {
            MDC.clear();
        }
        return List.of("Signed Up", "Plan Viewed", "Batch Ran", "Payment Failed");
    }

    @Test
    void underARootAtWarnEveryMarkedCallReachesMixpanelAndTheConsoleSeesOnlyWarnings() {
        LogbackHarness logback = start("false", "marker");
        List<String> marked = logTheMix(logback);
        List<String> console = consoleLines(logback);
        logback.stop();

        assertEquals(marked, names(server.acceptedEvents()), "every marked classic-API call, once, in order");
        server.acceptedEvents().forEach(event -> assertEquals("u-1", event.path("properties").path("distinct_id").asText()));
        MixlogStats stats = logback.stats();
        assertEquals(marked.size(), stats.delivered());
        assertEquals(marked.size(), stats.delivered() + stats.droppedTotal(), stats.toString());
        assertEquals(List.of("failed", "an ordinary warning"), console, "the console's levels are untouched");
    }

    @Test
    void followLevelsTrueLetsTheLevelsDecideAsForAnyLogEvent() {
        LogbackHarness logback = start("true", "marker");
        logTheMix(logback);
        List<String> console = consoleLines(logback);
        logback.stop();

        assertEquals(List.of("Payment Failed"), names(server.acceptedEvents()));
        assertEquals(List.of("failed", "an ordinary warning"), console);
    }

    @Test
    void zeroCodeModeFollowsTheLevelsWhicheverTheSetting() {
        LogbackHarness logback = start("false", "all");
        logTheMix(logback);
        logback.stop();

        assertEquals(List.of("Payment Failed", "an ordinary warning"), names(server.acceptedEvents()),
                "selection=all: the levels are the user's selection");
    }

    @Test
    void aMarkerThatThrowsAnErrorNeverReachesTheCallerAndTheNextEventArrives() {
        LogbackHarness logback = start("false", "marker");
        Marker hostile = new org.slf4j.helpers.BasicMarkerFactory().getDetachedMarker("hostile");
        Marker throwing = new Marker() {
            @Override public String getName() { return "hostile"; }
            @Override public void add(Marker reference) { hostile.add(reference); }
            @Override public boolean remove(Marker reference) { return hostile.remove(reference); }
            @Override @Deprecated public boolean hasChildren() { return false; }
            @Override public boolean hasReferences() { return false; }
            @Override public java.util.Iterator<Marker> iterator() { return hostile.iterator(); }
            @Override public boolean contains(Marker other) { throw new StackOverflowError("a marker's own code"); }
            @Override public boolean contains(String name) { throw new StackOverflowError("a marker's own code"); }
        };
        Logger shop = logback.logger();
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> shop.info(throwing, "below the level"));
        shop.info(SIGNED_UP, "signed up");
        logback.stop();

        assertEquals(List.of("Signed Up"), names(server.acceptedEvents()));
        MixlogStats stats = logback.stats();
        assertEquals(1, stats.delivered() + stats.droppedTotal(), stats.toString());
    }

    private static List<String> consoleLines(LogbackHarness logback) {
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> console = (ListAppender<ILoggingEvent>) logback.context().getLogger("ROOT").getAppender("CONSOLE");
        List<String> lines = new ArrayList<>();
        console.list.forEach(event -> lines.add(event.getFormattedMessage()));
        return lines;
    }

    private static List<String> names(List<JsonNode> events) {
        List<String> names = new ArrayList<>();
        events.forEach(event -> names.add(event.path("event").asText()));
        return names;
    }
}
