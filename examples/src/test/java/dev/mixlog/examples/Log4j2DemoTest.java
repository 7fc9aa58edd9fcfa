package dev.mixlog.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.examples.receiver.ReceiverStats;
import dev.mixlog.examples.receiver.UpdateStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo on Log4j2 and on Logback against the embedded receiver, whatever the environment
 * holds, and checks that both send the same records: same counts, same event properties.
 */
class Log4j2DemoTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static DemoSummary logback;
    private static DemoSummary log4j2;
    private static String printed;

    @BeforeAll
    static void runDemoOnBothFrameworks() throws IOException {
        logback = DemoService.run(silent(), Map.of(), LoggingFramework.LOGBACK);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        log4j2 = DemoService.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), Map.of(), LoggingFramework.LOG4J2);
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logsTheSameTrafficAsLogback() {
        TrafficTally expected = logback.logged();
        TrafficTally logged = log4j2.logged();
        assertTrue(logged.events() >= 200, "a few hundred events, got " + logged.events());
        assertEquals(expected.eventsByName(), logged.eventsByName());
        assertEquals(expected.profileUpdatesByOperation(), logged.profileUpdatesByOperation());
        assertEquals(expected.groupUpdatesByOperation(), logged.groupUpdatesByOperation());
        assertEquals(expected.ordinaryLines(), logged.ordinaryLines());
        assertEquals(expected.users(), logged.users());
    }

    @Test
    void theReceiverGetsTheSameCountsAsFromLogback() {
        ReceiverStats expected = logback.received().orElseThrow();
        ReceiverStats received = log4j2.received().orElseThrow();
        assertEquals(log4j2.logged().eventsByName(), Map.copyOf(received.eventsByName()));
        assertEquals(expected.eventsByName(), received.eventsByName());
        assertEquals(expected.events(), received.events());
        assertEquals(expected.distinctUsers(), received.distinctUsers());
        assertSameUpdates(expected.profileUpdates(), received.profileUpdates());
        assertSameUpdates(expected.groupUpdates(), received.groupUpdates());
        assertEquals(log4j2.logged().records(), log4j2.appenderStats().orElseThrow().delivered());
        assertTrue(logback.allDelivered());
        assertTrue(log4j2.allDelivered());
    }

    @Test
    void unmarkedLinesStayOutOfMixpanel() {
        TrafficTally logged = log4j2.logged();
        assertTrue(logged.ordinaryLines() > 0);
        for (String message : logged.ordinaryMessages()) {
            assertFalse(log4j2.received().orElseThrow().eventsByName().containsKey(message), message);
        }
        assertEquals(logged.records(), log4j2.appenderStats().orElseThrow().captured());
    }

    @Test
    void everyBodyWasValidAndCompressed() {
        ReceiverStats received = log4j2.received().orElseThrow();
        MixlogStats appender = log4j2.appenderStats().orElseThrow();
        assertTrue(received.requests() >= 1);
        assertEquals(0, received.refusedRequests());
        assertEquals(0, received.rejectedEvents());
        assertEquals(0, received.duplicateInsertIds());
        assertEquals(appender.requests(), received.requests());
        assertEquals(appender.bytesSent(), received.wireBytes());
        assertTrue(received.uncompressedBytes() > received.wireBytes());
        assertEquals(0, appender.droppedTotal());
        assertTrue(log4j2.problems().isEmpty(), log4j2.problems().toString());
    }

    @Test
    void eachEventArrivesWithTheSamePropertiesAsFromLogback() throws IOException {
        ReceiverStats expected = logback.received().orElseThrow();
        ReceiverStats received = log4j2.received().orElseThrow();
        for (String name : expected.eventsByName().keySet()) {
            assertEquals(comparable(expected.sample(name).orElseThrow()), comparable(received.sample(name).orElseThrow()),
                    "the first '" + name + "' event");
        }
        JsonNode upgrade = properties(received, ShopEvents.PLAN_UPGRADED);
        assertEquals(ShopEvents.UPGRADE_SOURCE, upgrade.get("source").asText(), "the marker payload's property, as a map field");
        JsonNode failure = properties(received, ShopEvents.PAYMENT_FAILED);
        assertEquals(PaymentDeclinedException.class.getName(), failure.get("exception_class").asText());
        JsonNode purchase = properties(received, ShopEvents.PURCHASE);
        assertTrue(purchase.get("amount").isDouble() && purchase.get("items").isInt());
        assertTrue(purchase.get("coupon_used").isBoolean());
        assertEquals("mixlog-demo", purchase.get("service").asText());
    }

    @Test
    void profileAndGroupUpdatesMatchLogbacks() throws IOException {
        ObjectNode expectedProfile = firstUpdate(logback.received().orElseThrow().profileUpdates());
        ObjectNode profile = firstUpdate(log4j2.received().orElseThrow().profileUpdates());
        assertTrue(profile.get("$set").hasNonNull("signup_date"));
        ((ObjectNode) expectedProfile.get("$set")).remove("signup_date");
        ((ObjectNode) profile.get("$set")).remove("signup_date");
        assertEquals(expectedProfile, profile);
        assertEquals(firstUpdate(logback.received().orElseThrow().groupUpdates()),
                firstUpdate(log4j2.received().orElseThrow().groupUpdates()));
    }

    @Test
    void summaryNamesLog4j2AndNoCredential() {
        assertTrue(printed.contains("through the Log4j2 API (log4j2-demo.xml)"), printed);
        assertTrue(printed.contains("OK: all " + log4j2.logged().events() + " product events arrived"), printed);
        Stream.of(DemoTarget.DEMO_TOKEN, System.getenv("MIXPANEL_TOKEN"), System.getenv("MIXPANEL_SERVICE_ACCOUNT_SECRET"))
                .filter(secret -> secret != null && !secret.isBlank())
                .forEach(secret -> assertFalse(printed.contains(secret), "the summary shows a credential"));
        assertFalse(printed.contains("Basic "));
    }

    @Test
    void runsAgainOnANewLog4j2Context() throws IOException {
        DemoSummary again = DemoService.run(silent(), Map.of(), LoggingFramework.LOG4J2);
        assertEquals(log4j2.logged().eventsByName(), again.logged().eventsByName());
        assertEquals(log4j2.logged().events(), again.received().orElseThrow().events());
        assertEquals(log4j2.logged().profileUpdates(), again.received().orElseThrow().profileUpdates().accepted());
        assertTrue(again.allDelivered());
    }

    @Test
    void theCommandLineChoosesTheFramework() {
        assertEquals(LoggingFramework.LOGBACK, LoggingFramework.fromArguments());
        assertEquals(LoggingFramework.LOGBACK, LoggingFramework.fromArguments("--logback"));
        assertEquals(LoggingFramework.LOG4J2, LoggingFramework.fromArguments("--log4j2"));
        assertThrows(IllegalArgumentException.class, () -> LoggingFramework.fromArguments("--jul"));
        assertThrows(IllegalArgumentException.class, () -> LoggingFramework.fromArguments("--log4j2", "--logback"));
    }

    private static void assertSameUpdates(UpdateStats expected, UpdateStats received) {
        assertEquals(expected.byOperation(), received.byOperation());
        assertEquals(expected.accepted(), received.accepted());
        assertEquals(expected.distinctTargets(), received.distinctTargets());
        assertEquals(0, received.rejected());
        assertEquals(0, received.duplicates());
    }

    /** An event's properties without those that differ on every run ({@code time}, {@code $insert_id}). */
    private static JsonNode comparable(String event) throws IOException {
        ObjectNode properties = (ObjectNode) MAPPER.readTree(event).get("properties");
        properties.remove("time");
        properties.remove("$insert_id");
        return properties;
    }

    private static JsonNode properties(ReceiverStats received, String eventName) throws IOException {
        return MAPPER.readTree(received.sample(eventName).orElseThrow()).get("properties");
    }

    private static ObjectNode firstUpdate(UpdateStats updates) throws IOException {
        return (ObjectNode) MAPPER.readTree(updates.sample().orElseThrow());
    }

    private static PrintStream silent() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
