package dev.mixlog.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Runs the demo against its embedded receiver, whatever the environment holds, and checks what arrived. */
class DemoServiceTest {
    private static DemoSummary summary;
    private static String printed;

    @BeforeAll
    static void runDemo() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        summary = DemoService.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), Map.of());
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyMarkedEventArrivesExactlyOnce() {
        ReceiverStats received = summary.received().orElseThrow();
        TrafficTally logged = summary.logged();
        assertTrue(logged.events() >= 200, "a few hundred events, got " + logged.events());
        assertEquals(logged.events(), received.events());
        assertEquals(logged.eventsByName(), Map.copyOf(received.eventsByName()));
        assertEquals(0, received.duplicateInsertIds());
        assertEquals(logged.users().size(), received.distinctUsers());
        assertTrue(summary.allDelivered());
    }

    @Test
    void unmarkedLinesStayOutOfMixpanel() {
        TrafficTally logged = summary.logged();
        assertTrue(logged.ordinaryLines() > 0);
        for (String message : logged.ordinaryMessages()) {
            assertFalse(summary.received().orElseThrow().eventsByName().containsKey(message), message);
        }
        assertEquals(logged.records(), summary.appenderStats().orElseThrow().captured());
    }

    @Test
    void everySignUpSetsTheProfileAndTheCompanyOnce() throws IOException {
        ReceiverStats received = summary.received().orElseThrow();
        TrafficTally logged = summary.logged();
        long users = logged.users().size();
        assertEquals(Map.of("$set", users, "$set_once", users), logged.profileUpdatesByOperation());
        assertEquals(Map.of("$set", users), logged.groupUpdatesByOperation());

        UpdateStats profiles = received.profileUpdates();
        assertEquals(logged.profileUpdatesByOperation(), profiles.byOperation());
        assertEquals(users, profiles.distinctTargets());
        assertEquals(0, profiles.rejected());
        assertEquals(0, profiles.duplicates());
        UpdateStats companies = received.groupUpdates();
        assertEquals(logged.groupUpdatesByOperation(), companies.byOperation());
        assertEquals(3, companies.distinctTargets(), "users share three companies");
        assertEquals(0, companies.rejected());
        assertEquals(0, companies.duplicates());
        assertEquals(logged.records(), summary.appenderStats().orElseThrow().delivered());

        ObjectMapper mapper = new ObjectMapper();
        JsonNode profile = mapper.readTree(profiles.sample().orElseThrow());
        assertTrue(profile.get("$distinct_id").asText().startsWith("user-"));
        assertTrue(profile.get("$ignore_time").booleanValue(), "a server-side update does not move last seen");
        JsonNode set = profile.get("$set");
        assertTrue(set.hasNonNull("$name") && set.hasNonNull("plan") && set.hasNonNull("signup_date"), set.toString());
        assertTrue(set.get("company").asText().startsWith("co-"));
        JsonNode company = mapper.readTree(companies.sample().orElseThrow());
        assertEquals("company", company.get("$group_key").asText());
        assertTrue(company.get("$group_id").asText().startsWith("co-"));
        assertTrue(company.get("$set").hasNonNull("$name"));
        assertTrue(printed.contains("profile updates") && printed.contains("group updates"), printed);
    }

    @Test
    void everyBodyWasValidAndCompressed() {
        ReceiverStats received = summary.received().orElseThrow();
        MixlogStats appender = summary.appenderStats().orElseThrow();
        assertTrue(received.requests() >= 1);
        assertEquals(0, received.refusedRequests());
        assertEquals(0, received.rejectedEvents());
        assertEquals(appender.requests(), received.requests());
        assertEquals(appender.bytesSent(), received.wireBytes());
        assertTrue(received.uncompressedBytes() > received.wireBytes());
        assertEquals(0, appender.droppedTotal());
        assertTrue(summary.problems().isEmpty(), summary.problems().toString());
    }

    @Test
    void eventsCarryTypedValuesContextAndExceptions() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ReceiverStats received = summary.received().orElseThrow();
        JsonNode purchase = mapper.readTree(received.sample("Purchase").orElseThrow()).get("properties");
        assertTrue(purchase.get("amount").isDouble());
        assertTrue(purchase.get("items").isInt());
        assertTrue(purchase.get("coupon_used").isBoolean());
        assertEquals("EUR", purchase.get("currency").asText());
        assertTrue(purchase.get("distinct_id").asText().startsWith("user-"));
        assertTrue(purchase.get("request_id").asText().startsWith("req-"));
        assertEquals("mixlog-demo", purchase.get("service").asText());
        JsonNode signUp = mapper.readTree(received.sample("Signed Up").orElseThrow()).get("properties");
        assertTrue(signUp.hasNonNull("plan") && signUp.hasNonNull("referrer") && signUp.hasNonNull("app_version"));
        JsonNode failure = mapper.readTree(received.sample("Payment Failed").orElseThrow()).get("properties");
        assertEquals(PaymentDeclinedException.class.getName(), failure.get("exception_class").asText());
        JsonNode upgrade = mapper.readTree(received.sample("Plan Upgraded").orElseThrow()).get("properties");
        assertEquals("billing-page", upgrade.get("source").asText());
    }

    @Test
    void summaryNamesNoCredential() {
        assertTrue(printed.contains("OK: all " + summary.logged().events() + " product events arrived"), printed);
        Stream.of(DemoTarget.DEMO_TOKEN, System.getenv("MIXPANEL_TOKEN"), System.getenv("MIXPANEL_SERVICE_ACCOUNT_SECRET"))
                .filter(secret -> secret != null && !secret.isBlank())
                .forEach(secret -> assertFalse(printed.contains(secret), "the summary shows a credential"));
        assertFalse(printed.contains("Basic "));
    }

    @Test
    void runsAgainWithTheSameTraffic() throws IOException {
        DemoSummary again = DemoService.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        assertEquals(summary.logged().eventsByName(), again.logged().eventsByName());
        assertEquals(summary.logged().events(), again.received().orElseThrow().events());
        assertEquals(summary.logged().profileUpdates(), again.received().orElseThrow().profileUpdates().accepted());
        assertTrue(again.allDelivered());
    }
}
