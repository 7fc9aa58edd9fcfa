package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Marker;

/**
 * Each way of authenticating puts the right header and query on the request: project token,
 * service account, deprecated API secret on {@code /import}; the token inside every event on {@code /track}.
 * (Region hosts are checked without network in core's MixlogSettingsTest.)
 */
class EndpointAuthenticationTest {
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private Request sendOne(String configuration) {
        logback = fixture.configure(configuration);
        for (int i = 0; i < 3; i++) {
            logback.logger().atInfo().addMarker(SIGNED_UP).addKeyValue("distinct_id", "user-" + i).log("signed up");
        }
        server.awaitAcceptedEvents(3);
        return server.requests().get(0);
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void projectTokenIsTheUserNameWithAnEmptyPassword() {
        Request request = sendOne("token.xml");

        assertEquals("POST", request.method());
        assertEquals("/import", request.path());
        assertEquals("1", request.query("strict"));
        assertNull(request.query("project_id"));
        assertEquals(basic("test-project-token:"), request.header("Authorization"));
        assertEquals(List.of(), IngestionRules.importBody(request.body()));
    }

    @Test
    void serviceAccountSendsItsCredentialsAndTheProjectId() {
        Request request = sendOne("service-account.xml");

        assertEquals("/import", request.path());
        assertEquals("1", request.query("strict"));
        assertEquals("3141592", request.query("project_id"));
        assertEquals(basic("mixlog-test.4f1c2d.mp-service-account:sa-secret-value"), request.header("Authorization"));
    }

    @Test
    void apiSecretIsTheUserNameAndWarnsThatItIsDeprecated() {
        logback = fixture.configure("api-secret.xml");
        String warning = logback.awaitStatus(Status.WARN, "apiSecret");
        assertTrue(warning.contains("deprecated"), warning);
        assertTrue(warning.contains("serviceAccountUsername"), "says what to use instead: " + warning);

        logback.logger().info(SIGNED_UP, "signed up");
        server.awaitAcceptedEvents(1);

        Request request = server.requests().get(0);
        assertEquals("/import", request.path());
        assertNull(request.query("project_id"));
        assertEquals(basic("legacy-api-secret:"), request.header("Authorization"));
    }

    @Test
    void trackCarriesTheTokenInEveryEventAndNoAuthorization() {
        Request request = sendOne("track.xml");

        assertEquals("/track", request.path());
        assertEquals("1", request.query("verbose"));
        assertEquals("0", request.query("ip"));
        assertNull(request.query("strict"));
        assertNull(request.header("Authorization"));
        assertEquals(List.of(), IngestionRules.trackBody(request.body()));
        for (JsonNode event : request.body()) {
            assertEquals("test-project-token", event.path("properties").path("token").asText());
        }
        Await.until(() -> logback.stats().delivered() == 3, "3 events counted as delivered");
    }

    @Test
    void trackStatusZeroUnderHttp200IsCountedAsRejected() {
        server.answerWith(request -> Reply.json(200, "{\"status\":0,\"error\":\"token, missing or empty\"}"));
        logback = fixture.configure("track.xml");

        logback.logger().info(SIGNED_UP, "signed up");

        Await.until(() -> logback.stats().rejected() == 1, "the event counted as rejected");
        assertEquals(0, logback.stats().delivered());
        assertEquals(1, logback.stats().dropped(DropReason.REJECTED));
        String warning = logback.awaitStatus(Status.WARN, "Mixpanel refused a batch of 1 events on /track");
        assertTrue(warning.contains("token, missing or empty"), warning);
    }
}
