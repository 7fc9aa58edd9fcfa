package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.batch.Batcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mixpanel's replies read into what to do with the batch. */
class ReplyClassifierTest {
    private static final String[] IDS = {"id-a", "id-b", "id-c", "id-d"};
    private static final String[] NAMES = {"Signed Up", "Order Paid", "Logged In", "Logged Out"};
    private final Batch batch = batchOfFour();

    private static Batch batchOfFour() {
        Batcher batcher = new Batcher(2000, 1 << 20, Long.MAX_VALUE);
        for (int i = 0; i < IDS.length; i++) {
            byte[] json = ("{\"event\":\"" + NAMES[i] + "\",\"properties\":{\"$insert_id\":\"" + IDS[i] + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            batcher.add(json, json.length, NAMES[i], IDS[i], null, 0);
        }
        batcher.flush();
        return batcher.takeSealed();
    }

    private Verdict importReply(int status, String body) {
        return ReplyClassifier.classify(new Reply(status, body, null), batch, true);
    }

    private Verdict trackReply(int status, String body) {
        return ReplyClassifier.classify(new Reply(status, body, null), batch, false);
    }

    @Test
    void importSuccessIsDelivered() {
        assertEquals(Verdict.Kind.DELIVERED,
                importReply(200, "{\"code\":200,\"num_records_imported\":4,\"status\":\"OK\"}").kind());
    }

    @Test
    void strictFailureWithDollarInsertIdObjectsNamesTheRefusedEvents() {
        Verdict verdict = importReply(400, "{\"code\":400,\"error\":\"some data points in the request failed validation\","
                + "\"num_records_imported\":2,\"status\":\"Bad Request\",\"failed_records\":["
                + "{\"index\":1,\"$insert_id\":\"id-b\",\"field\":\"properties.time\",\"message\":\"'properties.time' is invalid\"},"
                + "{\"index\":3,\"$insert_id\":\"id-d\",\"field\":\"event\",\"message\":\"event name is empty\"}]}");

        assertEquals(Verdict.Kind.PARTIAL, verdict.kind());
        assertEquals(2, verdict.failed().size());
        FailedRecord first = verdict.failed().get(0);
        assertEquals("Order Paid", first.eventName());
        assertEquals("id-b", first.insertId());
        assertEquals("properties.time", first.field());
        assertEquals("'properties.time' is invalid", first.message());
        assertEquals("Logged Out", verdict.failed().get(1).eventName());
    }

    @Test
    void strictFailureWithInsertIdObjectsIsMatchedByIdWhenTheIndexIsMissing() {
        Verdict verdict = importReply(400, "{\"code\":400,\"status\":\"Bad Request\",\"num_records_imported\":3,"
                + "\"failed_records\":[{\"insert_id\":\"id-c\",\"field\":\"properties.distinct_id\",\"message\":\"too long\"}]}");

        assertEquals(Verdict.Kind.PARTIAL, verdict.kind());
        FailedRecord record = verdict.failed().get(0);
        assertEquals("Logged In", record.eventName());
        assertEquals("id-c", record.insertId());
        assertEquals("properties.distinct_id", record.field());
    }

    @Test
    void aWrongIndexIsCorrectedByTheInsertId() {
        Verdict verdict = importReply(400, "{\"failed_records\":[{\"index\":0,\"$insert_id\":\"id-d\",\"field\":\"f\",\"message\":\"m\"}]}");

        assertEquals("Logged Out", verdict.failed().get(0).eventName());
    }

    @Test
    void strictFailureWithPlainStringsIsMatchedByTheInsertIdInTheText() {
        Verdict verdict = importReply(400, "{\"code\":400,\"status\":\"Bad Request\",\"num_records_imported\":3,"
                + "\"failed_records\":[\"event with $insert_id id-a: properties.time is in the future\"]}");

        assertEquals(Verdict.Kind.PARTIAL, verdict.kind());
        FailedRecord record = verdict.failed().get(0);
        assertEquals("Signed Up", record.eventName());
        assertEquals("id-a", record.insertId());
        assertTrue(record.message().contains("properties.time is in the future"));
    }

    @Test
    void anUnmatchedRecordIsStillReported() {
        Verdict verdict = importReply(400, "{\"failed_records\":[\"something is wrong\"]}");

        assertEquals(Verdict.Kind.PARTIAL, verdict.kind());
        assertNull(verdict.failed().get(0).eventName());
        assertTrue(verdict.failed().get(0).toString().contains("something is wrong"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":400,\"error\":\"invalid JSON\"}", "not json", "", "{\"failed_records\":[]}"})
    void aBadRequestWithoutFailedRecordsRejectsTheBatch(String body) {
        Verdict verdict = importReply(400, body);

        assertEquals(Verdict.Kind.REJECTED, verdict.kind());
        assertTrue(verdict.detail().startsWith("HTTP 400"));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreAConfigurationError(int status) {
        assertEquals(Verdict.Kind.AUTH_FAILED, importReply(status, "{\"error\":\"Invalid credentials\"}").kind());
    }

    @Test
    void tooLargeAsksForASplit() {
        assertEquals(Verdict.Kind.TOO_LARGE, importReply(413, "").kind());
    }

    @Test
    void rateLimitedIsRetriedAfterTheServersDelay() {
        Verdict verdict = ReplyClassifier.classify(new Reply(429, "{\"error\":\"rate limited\"}", Duration.ofSeconds(7)), batch, true);

        assertEquals(Verdict.Kind.RETRY, verdict.kind());
        assertTrue(verdict.rateLimited());
        assertTrue(verdict.slowDown());
        assertEquals(Optional.of(Duration.ofSeconds(7)), verdict.retryAfter());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void serverTroubleIsRetriedWithBackoff(int status) {
        Verdict verdict = importReply(status, "");

        assertEquals(Verdict.Kind.RETRY, verdict.kind());
        assertFalse(verdict.rateLimited());
        assertEquals(Optional.empty(), verdict.retryAfter());
        // Mixpanel answers 502 and 503 under load: like a 429, they ask the rate down
        assertEquals(status == 502 || status == 503, verdict.slowDown());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 422})
    void otherClientErrorsRejectTheBatch(int status) {
        assertEquals(Verdict.Kind.REJECTED, importReply(status, "").kind());
    }

    @Test
    void trackStatusOneIsDelivered() {
        assertEquals(Verdict.Kind.DELIVERED, trackReply(200, "{\"status\":1,\"error\":null}").kind());
        assertEquals(Verdict.Kind.DELIVERED, trackReply(200, "1").kind());
    }

    @Test
    void trackStatusZeroUnderHttp200IsARejection() {
        Verdict verdict = trackReply(200, "{\"status\":0,\"error\":\"token, missing or empty\"}");

        assertEquals(Verdict.Kind.REJECTED, verdict.kind());
        assertTrue(verdict.detail().contains("token, missing or empty"), verdict.detail());
        assertEquals(Verdict.Kind.REJECTED, trackReply(200, "0").kind());
    }

    @Test
    void detailsQuoteTheReplyShortened() {
        String longBody = "x".repeat(5000);
        String detail = importReply(400, longBody).detail();

        assertTrue(detail.length() < 400, "detail of " + detail.length() + " characters");
    }
}
