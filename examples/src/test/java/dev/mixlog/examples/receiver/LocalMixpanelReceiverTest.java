package dev.mixlog.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalMixpanelReceiverTest {
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("token:".getBytes(StandardCharsets.UTF_8));
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private LocalMixpanelReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = LocalMixpanelReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void importsGzippedEventsStrictly() throws Exception {
        String body = "[" + event("Signed Up", "u1", "a1") + "," + event("Purchase", "u2", "a2") + "]";
        HttpResponse<String> reply = post("/import?strict=1", gzip(body), AUTH, true);
        assertEquals(200, reply.statusCode());
        assertEquals(mapper.readTree("{\"code\":200,\"num_records_imported\":2,\"status\":\"OK\"}"), mapper.readTree(reply.body()));
        ReceiverStats stats = receiver.stats();
        assertEquals(2, stats.events());
        assertEquals(2, stats.distinctUsers());
        assertEquals(body.length(), stats.uncompressedBytes());
        assertTrue(stats.wireBytes() > 0 && stats.wireBytes() != stats.uncompressedBytes());
        assertTrue(stats.sample("Purchase").orElseThrow().contains("\"distinct_id\" : \"u2\""));
    }

    @Test
    void reportsInvalidRecordsAndImportsTheRest() throws Exception {
        String badTime = "{\"event\":\"A\",\"properties\":{\"time\":\"soon\",\"distinct_id\":\"u\",\"$insert_id\":\"b1\"}}";
        String badInsertId = "{\"event\":\"A\",\"properties\":{\"time\":1700000000000,\"distinct_id\":\"u\",\"$insert_id\":\"not_valid!\"}}";
        String body = "[" + event("A", "u", "ok1") + "," + badTime + "," + badInsertId + "]";
        HttpResponse<String> reply = post("/import?strict=1", body.getBytes(StandardCharsets.UTF_8), AUTH, false);
        assertEquals(400, reply.statusCode());
        JsonNode json = mapper.readTree(reply.body());
        assertEquals(1, json.get("num_records_imported").asInt());
        JsonNode failed = json.get("failed_records");
        assertEquals(2, failed.size());
        assertEquals(1, failed.get(0).get("index").asInt());
        assertEquals("b1", failed.get(0).get("$insert_id").asText());
        assertEquals("properties.time", failed.get(0).get("field").asText());
        assertEquals("properties.$insert_id", failed.get(1).get("field").asText());
        assertEquals(1, receiver.stats().events());
        assertEquals(2, receiver.stats().rejectedEvents());
    }

    @Test
    void importNeedsBasicAuthentication() throws Exception {
        HttpResponse<String> reply = post("/import?strict=1", ("[" + event("A", "u", "i") + "]").getBytes(StandardCharsets.UTF_8), null, false);
        assertEquals(401, reply.statusCode());
        assertEquals(0, receiver.stats().events());
        assertEquals(1, receiver.stats().refusedRequests());
    }

    @Test
    void refusesBodiesThatAreNotJson() throws Exception {
        HttpResponse<String> reply = post("/import?strict=1", "not json".getBytes(StandardCharsets.UTF_8), AUTH, false);
        assertEquals(400, reply.statusCode());
        assertTrue(reply.body().contains("body is not JSON"), reply.body());
    }

    @Test
    void trackAnswersVerboselyAndNeedsTheToken() throws Exception {
        String withToken = event("A", "u", "t1").replace("\"$insert_id\"", "\"token\":\"tok\",\"$insert_id\"");
        HttpResponse<String> ok = post("/track?verbose=1&ip=0", ("[" + withToken + "]").getBytes(StandardCharsets.UTF_8), null, false);
        assertEquals(200, ok.statusCode());
        assertEquals(mapper.readTree("{\"status\":1,\"error\":null}"), mapper.readTree(ok.body()));
        HttpResponse<String> refused = post("/track?verbose=1", ("[" + event("A", "u", "t2") + "]").getBytes(StandardCharsets.UTF_8), null, false);
        assertEquals(400, refused.statusCode());
        assertEquals(0, mapper.readTree(refused.body()).get("status").asInt());
        assertEquals(1, receiver.stats().events());
        String sample = receiver.stats().sample("A").orElseThrow();
        assertTrue(sample.contains("\"token\" : \"***\""), "the sample keeps no token: " + sample);
    }

    @Test
    void engageTakesProfileUpdatesAndAnswersVerbosely() throws Exception {
        String body = "[{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$ignore_time\":true,\"$set\":{\"plan\":\"pro\"}},"
                + "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$add\":{\"logins\":1}},"
                + "{\"$token\":\"tok\",\"$distinct_id\":\"u2\",\"$unset\":[\"plan\"]},"
                + "{\"$token\":\"tok\",\"$distinct_id\":\"u2\",\"$delete\":\"\"}]";
        HttpResponse<String> reply = post("/engage?verbose=1&ip=0", body.getBytes(StandardCharsets.UTF_8), null, false);
        assertEquals(200, reply.statusCode());
        assertEquals(mapper.readTree("{\"status\":1,\"error\":null}"), mapper.readTree(reply.body()));
        UpdateStats profiles = receiver.stats().profileUpdates();
        assertEquals(4, profiles.accepted());
        assertEquals(Map.of("$set", 1L, "$add", 1L, "$unset", 1L, "$delete", 1L), profiles.byOperation());
        assertEquals(2, profiles.distinctTargets());
        assertEquals(0, receiver.stats().events(), "updates are not events");
        String sample = profiles.sample().orElseThrow();
        assertTrue(sample.contains("\"$distinct_id\" : \"u1\"") && !sample.contains("tok\""), sample);
    }

    @Test
    void engageRefusesARequestWithAnInvalidUpdate() throws Exception {
        String valid = "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$set\":{\"plan\":\"pro\"}}";
        for (String invalid : new String[] {
            "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$add\":{\"plan\":\"pro\"}}",
            "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$union\":{\"tags\":[]}}",
            "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$unset\":\"plan\"}",
            "{\"$token\":\"tok\",\"$distinct_id\":\"u1\"}",
            "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$set\":{},\"$add\":{\"n\":1}}",
            "{\"$distinct_id\":\"u1\",\"$set\":{\"plan\":\"pro\"}}",
            "{\"$token\":\"tok\",\"$distinct_id\":\"u1\",\"$ignore_time\":\"yes\",\"$set\":{\"plan\":\"pro\"}}",
        }) {
            HttpResponse<String> reply = post("/engage?verbose=1", ("[" + valid + "," + invalid + "]").getBytes(StandardCharsets.UTF_8),
                    null, false);
            assertEquals(400, reply.statusCode(), invalid);
            JsonNode json = mapper.readTree(reply.body());
            assertEquals(0, json.get("status").asInt(), invalid);
            assertTrue(json.get("error").asText().startsWith("record 1: "), json.toString());
        }
        assertEquals(0, receiver.stats().profileUpdates().accepted());
        assertEquals(14, receiver.stats().profileUpdates().rejected());
    }

    @Test
    void groupsTakesGroupUpdatesButNotProfileOnlyOperations() throws Exception {
        String set = "{\"$token\":\"tok\",\"$group_key\":\"company\",\"$group_id\":\"acme\",\"$set\":{\"name\":\"Acme\"}}";
        String delete = "{\"$token\":\"tok\",\"$group_key\":\"company\",\"$group_id\":\"beta\",\"$delete\":\"\"}";
        HttpResponse<String> ok = post("/groups?verbose=1&ip=0", ("[" + set + "," + delete + "]").getBytes(StandardCharsets.UTF_8), null, false);
        assertEquals(200, ok.statusCode());
        assertEquals(mapper.readTree("{\"status\":1,\"error\":null}"), mapper.readTree(ok.body()));

        String add = "{\"$token\":\"tok\",\"$group_key\":\"company\",\"$group_id\":\"acme\",\"$add\":{\"seats\":1}}";
        HttpResponse<String> refused = post("/groups", ("[" + add + "]").getBytes(StandardCharsets.UTF_8), null, false);
        assertEquals(400, refused.statusCode());
        assertEquals("0", refused.body(), "without verbose=1 the answer is a bare 0");

        UpdateStats groups = receiver.stats().groupUpdates();
        assertEquals(2, groups.accepted());
        assertEquals(1, groups.rejected());
        assertEquals(2, groups.distinctTargets());
        assertEquals(0, receiver.stats().profileUpdates().accepted());
    }

    private static String event(String name, String user, String insertId) {
        return "{\"event\":\"" + name + "\",\"properties\":{\"time\":1700000000000,\"distinct_id\":\"" + user
                + "\",\"$insert_id\":\"" + insertId + "\"}}";
    }

    private HttpResponse<String> post(String pathAndQuery, byte[] body, String authorization, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.baseUrl() + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
