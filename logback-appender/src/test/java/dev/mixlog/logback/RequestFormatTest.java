package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static dev.mixlog.core.testing.EndpointChecks.assertEveryRequestValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * {@code requestFormat=form}: events, profile and group updates posted in Mixpanel's original form
 * ({@code data=<padded standard base64 of the JSON array>}, form-encoded), read back by a loopback
 * server that decodes it as the 2011 specification describes; replies in {@code verbose=1}'s JSON and
 * as a bare {@code 1}/{@code 0} are both understood.
 */
class RequestFormatTest {
    /** A form body as the specification asks: only letters, digits and %-escapes after {@code data=}. */
    private static final Pattern FORM_BODY = Pattern.compile("data=(?:[A-Za-z0-9]|%2B|%2F|%3D)+");

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();

    @Test
    void eventsProfileAndGroupUpdatesGoAsPaddedBase64Forms() {
        LogbackHarness logback = fixture.configure("request-format-form.xml");
        Logger log = logback.logger();
        MDC.put("distinct_id", "u-1");

        // values whose base64 has '+', '/' and padding, whatever their offset in the batch
        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).addKeyValue("plan", "pro>?>?>?").addKeyValue("seats", 3)
                .log("signed up");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro~~~").log("profile");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "acme")
                .addKeyValue("name", "Acme ÿÿ").log("group");

        JsonNode event = server.awaitAcceptedRecords("/track", 1).get(0);
        JsonNode profile = server.awaitAcceptedRecords("/engage", 1).get(0);
        JsonNode group = server.awaitAcceptedRecords("/groups", 1).get(0);
        logback.stop();

        assertEquals("Signed Up", event.path("event").asText());
        assertEquals("pro>?>?>?", event.path("properties").path("plan").asText());
        assertEquals(3, event.path("properties").path("seats").asInt());
        assertEquals("test-project-token", event.path("properties").path("token").asText());
        assertEquals("pro~~~", profile.path("$set").path("plan").asText());
        assertEquals("u-1", profile.path("$distinct_id").asText());
        assertEquals("Acme ÿÿ", group.path("$set").path("name").asText());
        assertEquals("acme", group.path("$group_id").asText());
        for (Request request : server.requests()) {
            assertTrue(request.form(), request + " is a form");
            assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
            assertNull(request.header("Content-Encoding"), "a form is never compressed");
            assertTrue(FORM_BODY.matcher(new String(request.wire(), StandardCharsets.US_ASCII)).matches(), request.toString());
            assertEquals("1", request.query("verbose"));
        }
        assertEveryRequestValid(server);
        MixlogStats stats = logback.stats();
        assertEquals(3, stats.delivered());
        assertEquals(0, stats.droppedTotal());
        assertTrue(logback.messages(Status.INFO).stream().anyMatch(m -> m.contains("form-encoded /track, /engage and /groups")),
                logback.statusText());
    }

    @Test
    void aBareOneOrZeroReplyIsUnderstood() {
        server.enqueue(request -> Reply.json(200, "0"));
        server.answerWith(Reply::asMixpanelWouldWithoutVerbose);
        LogbackHarness logback = fixture.configure("request-format-form.xml");
        Logger log = logback.logger();
        MDC.put("distinct_id", "u-1");

        log.atInfo().addMarker(MixpanelMarkers.event("Refused")).log("refused");
        server.awaitRequests(1);
        log.atInfo().addMarker(MixpanelMarkers.event("Accepted")).log("accepted");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro").log("profile");
        Await.until(() -> logback.stats().delivered() + logback.stats().droppedTotal() == 3, "all three settled");
        logback.stop();

        MixlogStats stats = logback.stats();
        assertEquals(2, stats.delivered(), "the two answered 1");
        assertEquals(1, stats.dropped(DropReason.REJECTED), "the one answered 0");
        assertEquals(3, stats.delivered() + stats.droppedTotal(), "delivered + dropped == logged");
        assertEquals(List.of("Accepted", "u-1"), server.ingestedEvents().stream()
                .map(record -> record.has("event") ? record.path("event").asText() : record.path("$distinct_id").asText())
                .sorted().collect(java.util.stream.Collectors.toList()), "what the server ingested: the event and the profile update");
        assertTrue(server.requests().stream().allMatch(Request::form));
        assertTrue(logback.messages(Status.WARN).stream().anyMatch(m -> m.contains("status 0")), logback.statusText());
    }

    @Test
    void withImportTheFormIsRefusedAtStartAndEventsGoAsJson() {
        LogbackHarness logback = fixture.configure("request-format-form-import.xml");
        MDC.put("distinct_id", "u-1");
        logback.logger().atInfo().addMarker(MixpanelMarkers.event("Imported")).log("imported");

        JsonNode event = server.awaitAcceptedRecords("/import", 1).get(0);
        logback.stop();

        assertEquals("Imported", event.path("event").asText());
        Request request = server.requestsTo("/import").get(0);
        assertFalse(request.form());
        assertEquals("application/json", request.header("Content-Type"));
        String warning = logback.awaitStatus(Status.WARN, "requestFormat=form");
        assertTrue(warning.contains("/import") && warning.contains("sent as JSON"), warning);
        assertEquals(1, logback.stats().delivered());
        assertEveryRequestValid(server);
    }
}
