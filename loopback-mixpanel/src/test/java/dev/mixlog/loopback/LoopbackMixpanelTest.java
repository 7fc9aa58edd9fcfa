package dev.mixlog.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The loopback server as tests use it, driven over real HTTP by the JDK's client. */
class LoopbackMixpanelTest {
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("token:".getBytes(StandardCharsets.UTF_8));
    private static final String EVENT = "{\"event\":\"Signed Up\",\"properties\":{\"time\":1700000000000,"
            + "\"distinct_id\":\"u-1\",\"$insert_id\":\"%s\"}}";

    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("loopbackUrl");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersAsMixpanelAndKeepsTheGunzippedRequest(LoopbackMixpanel server) throws Exception {
        assertEquals(server.url(), System.getProperty("loopbackUrl"));
        byte[] body = ("[" + String.format(EVENT, "id-1") + "," + String.format(EVENT, "id-2") + "]").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/import?strict=1&project_id=7"))
                .header("Content-Encoding", "gzip").header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body))).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, reply.statusCode());
        assertEquals("{\"code\":200,\"num_records_imported\":2,\"status\":\"OK\"}", reply.body());
        Request request = server.requests().get(0);
        assertEquals("/import", request.path());
        assertEquals("7", request.query("project_id"));
        assertEquals(BASIC, request.authorization());
        assertEquals(List.of("id-1", "id-2"), request.insertIds());
        assertTrue(request.wireBytes() != request.decodedBytes(), "gzip on the wire, JSON decoded");
        assertEquals(List.of(), server.violations());
        assertEquals(2, server.ingestedCount());
        assertEquals(2, server.acceptedEvents().size());
    }

    @Test
    void findsWhereARequestBreaksMixpanelsRules(LoopbackMixpanel server) throws Exception {
        post(server, "/import", "[{\"event\":\"x\",\"properties\":{\"time\":1700000000000,\"distinct_id\":\"anonymous\","
                + "\"$insert_id\":\"has spaces\"}}]");
        post(server, "/engage", "[{\"$token\":\"t\",\"$distinct_id\":\"u\",\"$set\":{},\"$add\":{\"n\":1}}]");
        post(server, "/nowhere", "[]");
        post(server, "/track", "not json");

        List<String> violations = server.violations();
        assertTrue(violations.contains("/import #0: [0].properties.distinct_id is a banned value"), violations::toString);
        assertTrue(violations.contains("/import #0: [0].properties.$insert_id must be 1-36 characters of [A-Za-z0-9-]"),
                violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/engage #1: [0] must carry exactly one of")), violations::toString);
        assertTrue(violations.contains("/nowhere #2: Mixpanel has no ingestion endpoint /nowhere"), violations::toString);
        assertTrue(violations.contains("/track #3: body is not JSON"), violations::toString);
    }

    @Test
    void answersAsMixpanelWouldByDefault(LoopbackMixpanel server) throws Exception {
        String badTime = "{\"event\":\"A\",\"properties\":{\"time\":\"soon\",\"distinct_id\":\"u\",\"$insert_id\":\"b1\"}}";
        String body = "[" + String.format(EVENT, "ok1") + "," + badTime + "]";

        JsonNode strict = LoopbackMixpanel.JSON.readTree(post(server, "/import?strict=1", body).body());
        HttpResponse<String> lenient = post(server, "/import", body);
        HttpResponse<String> unauthenticated = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/import"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> track = post(server, "/track?verbose=1", "[" + String.format(EVENT, "t1") + "]");

        assertEquals(1, strict.path("num_records_imported").asInt());
        assertEquals("properties.time", strict.path("failed_records").get(0).path("field").asText());
        assertEquals("must be an integer", strict.path("failed_records").get(0).path("message").asText());
        assertEquals(200, lenient.statusCode());
        assertEquals("{\"code\":200,\"num_records_imported\":1,\"status\":\"OK\"}", lenient.body());
        assertEquals(401, unauthenticated.statusCode());
        assertEquals(400, track.statusCode(), "a /track event without the token refuses the request");
        assertTrue(track.body().contains("record 0: properties.token must be a string on /track"), track.body());
        assertEquals(1, server.ingestedCount(), "ok1, ingested twice, counts once; nothing else was valid");
    }

    @Test
    void strictRefusalListsTheRefusedRecordsAndIngestsTheOthers(LoopbackMixpanel server) throws Exception {
        server.enqueue(Reply.strictRefusal(List.of(1)));
        HttpResponse<String> reply = post(server, "/import", "[" + String.format(EVENT, "a") + "," + String.format(EVENT, "b") + "]");

        assertEquals(400, reply.statusCode());
        JsonNode refused = LoopbackMixpanel.JSON.readTree(reply.body());
        assertEquals("b", refused.path("failed_records").get(0).path("$insert_id").asText());
        assertEquals(1, refused.path("num_records_imported").asInt());
        assertEquals(Set.of("b"), server.refusedInsertIds());
        assertEquals(1, server.ingestedCount());
    }

    @Test
    void scriptedRepliesComeFirstPathByPathAndResentEventsAreDeduplicated(LoopbackMixpanel server) throws Exception {
        server.answerWith(request -> Reply.accept());
        server.enqueue(Reply.rateLimited(1));
        server.enqueue("/engage", Reply.json(200, "{\"status\":0,\"error\":\"bad\"}"));
        String batch = "[" + String.format(EVENT, "same") + "]";

        HttpResponse<String> engage = post(server, "/engage", "[{\"$token\":\"t\",\"$distinct_id\":\"u\",\"$set\":{\"a\":1}}]");
        HttpResponse<String> limited = post(server, "/import", batch);
        HttpResponse<String> accepted = post(server, "/import", batch);
        post(server, "/import", batch);

        assertEquals("{\"status\":0,\"error\":\"bad\"}", engage.body());
        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElse(null));
        assertTrue(server.requests().get(1).rateLimited());
        assertEquals(200, accepted.statusCode());
        assertEquals(1, server.ingestedCount(), "the refused update is not ingested, the resent event once");
        assertEquals(1, server.duplicatesIngested());
        assertEquals(1, server.acceptedRecords("/engage").size(), "accepted means answered 2xx, whatever the body says");
    }

    @Test
    void holdsRequestsUntilReleasedAndRefusesConnectionsWhileDown(LoopbackMixpanel server) throws Exception {
        server.hang();
        CompletableFuture<HttpResponse<String>> held = client.sendAsync(importRequest(server, "[" + String.format(EVENT, "h") + "]"),
                HttpResponse.BodyHandlers.ofString());
        server.awaitRequests(1);
        assertFalse(held.isDone(), "answered while held");
        server.release();
        assertEquals(200, held.get().statusCode());

        server.down();
        assertThrows(ConnectException.class, () -> post(server, "/import", "[" + String.format(EVENT, "d") + "]"));
        server.up();
        assertEquals(200, post(server, "/import", "[" + String.format(EVENT, "u") + "]").statusCode());
    }

    /** Mixpanel's original form: {@code data=} padded standard base64 with {@code +}, {@code /} and {@code =} percent-encoded. */
    @Test
    void readsTheOriginalFormAndRefusesBase64ThatIsNotPaddedOrNotEscaped(LoopbackMixpanel server) throws Exception {
        String json = "[{\"event\":\"Signed Up?\",\"properties\":{\"token\":\"t\",\"distinct_id\":\"u-1\","
                + "\"time\":1700000000000,\"$insert_id\":\"i-1\",\"note\":\">?>?>?\"}}]";
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(base64.contains("+") && base64.contains("/") && base64.endsWith("=="), base64);
        String escaped = base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");

        HttpResponse<String> verbose = postForm(server, "/track?verbose=1", "data=" + escaped);
        HttpResponse<String> plain = postForm(server, "/engage", "data=" + escaped);
        HttpResponse<String> rawPlus = postForm(server, "/track?verbose=1", "data=" + base64);
        HttpResponse<String> unpadded = postForm(server, "/track?verbose=1", "data=" + escaped.replace("%3D", ""));
        HttpResponse<String> noData = postForm(server, "/track", "payload=" + escaped);
        HttpResponse<String> formToImport = postForm(server, "/import", "data=" + escaped);

        assertEquals("{\"status\":1,\"error\":null}", verbose.body());
        Request first = server.requests().get(0);
        assertTrue(first.form());
        assertEquals(json, new String(first.decoded(), StandardCharsets.UTF_8), "the decoded JSON");
        assertEquals(List.of("Signed Up?"), List.of(first.events().get(0).path("event").asText()));
        assertEquals(1, server.acceptedRecords("/track").size());
        assertEquals(400, plain.statusCode(), "a form with an event is not a profile update");
        assertEquals("0", plain.body(), "without verbose=1, a bare 0");
        assertEquals(400, rawPlus.statusCode(), "a bare + is a space in a form: not base64");
        assertTrue(rawPlus.body().contains("not padded standard base64"), rawPlus.body());
        assertEquals(400, unpadded.statusCode(), "only padded base64 is accepted");
        assertEquals(400, noData.statusCode());
        assertEquals("0", noData.body());
        assertEquals(400, formToImport.statusCode());
        List<Request> requests = server.requests();
        assertEquals(List.of(), requests.get(0).violations());
        String notBase64 = "data is not padded standard base64 (percent-encode +, / and = in a form body)";
        assertEquals(List.of(notBase64), requests.get(2).violations());
        assertEquals(List.of(notBase64), requests.get(3).violations());
        assertEquals(List.of("form body has no data parameter"), requests.get(4).violations());
        assertEquals(List.of("/import takes a JSON body, not a form"), requests.get(5).violations());
    }

    private HttpResponse<String> postForm(LoopbackMixpanel server, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).header("Authorization", BASIC)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(LoopbackMixpanel server, String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest importRequest(LoopbackMixpanel server, String body) {
        return HttpRequest.newBuilder(URI.create(server.url() + "/import")).header("Authorization", BASIC).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }
}
