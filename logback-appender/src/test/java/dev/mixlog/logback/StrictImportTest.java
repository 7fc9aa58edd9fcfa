package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /import?strict=1} answers 400 when some events fail validation: the valid ones were ingested.
 * The refused ones are reported and counted, and the batch is never resent, whichever of the three
 * {@code failed_records} forms the server uses.
 */
class StrictImportTest {
    private static final List<String> NAMES = List.of("Signed Up", "Order Paid", "Cart Viewed", "Coupon Applied", "Logged Out");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    /** The forms {@code failed_records} takes: Mixpanel's docs, its OpenAPI schema, and plain text. */
    enum FailedRecordsForm {
        DOLLAR_INSERT_ID(true) {
            @Override
            String record(int index, String insertId, String field, String message) {
                return "{\"index\":" + index + ",\"$insert_id\":\"" + insertId + "\",\"field\":\"" + field
                        + "\",\"message\":\"" + message + "\"}";
            }
        },
        INSERT_ID(true) {
            @Override
            String record(int index, String insertId, String field, String message) {
                return "{\"index\":" + index + ",\"insert_id\":\"" + insertId + "\",\"field\":\"" + field
                        + "\",\"message\":\"" + message + "\"}";
            }
        },
        PLAIN_STRING(false) {
            @Override
            String record(int index, String insertId, String field, String message) {
                return "\"$insert_id " + insertId + ": " + field + ": " + message + "\"";
            }
        };

        final boolean structured;

        FailedRecordsForm(boolean structured) {
            this.structured = structured;
        }

        abstract String record(int index, String insertId, String field, String message);
    }

    /** Mixpanel's strict-mode reply refusing the events at index 1 and 3 of the request. */
    private static Function<Request, Reply> refuseOneAndThree(FailedRecordsForm form) {
        return request -> {
            List<String> ids = request.insertIds();
            return Reply.json(400, "{\"code\":400,\"error\":\"some data points in the request failed validation\","
                    + "\"num_records_imported\":" + (ids.size() - 2) + ",\"status\":\"Bad Request\",\"failed_records\":["
                    + form.record(1, ids.get(1), "properties.time", "'properties.time' is invalid: must be in the past") + ","
                    + form.record(3, ids.get(3), "properties.coupon", "'properties.coupon' is too long") + "]}");
        };
    }

    @ParameterizedTest
    @EnumSource(FailedRecordsForm.class)
    void refusedRecordsAreReportedAndCountedAndTheBatchIsNotResent(FailedRecordsForm form) {
        server.enqueue(refuseOneAndThree(form));
        logback = fixture.configure("batches-of-five.xml");

        for (String name : NAMES) {
            logback.logger().info(MixpanelMarkers.event(name), "event {}", name);
        }

        Await.until(() -> logback.stats().delivered() + logback.stats().rejected() == 5, "all 5 events settled");
        assertEquals(2, logback.stats().rejected());
        assertEquals(2, logback.stats().dropped(DropReason.REJECTED));
        assertEquals(3, logback.stats().delivered());

        Request request = server.requests().get(0);
        String warning = logback.awaitStatus(Status.WARN, "Mixpanel refused 2 of 5 events");
        assertTrue(warning.contains("the others were imported"), warning);
        for (int refused : new int[] {1, 3}) {
            assertTrue(warning.contains("'" + NAMES.get(refused) + "'"), "names the event " + NAMES.get(refused) + ": " + warning);
            assertTrue(warning.contains(request.insertIds().get(refused)), "names the $insert_id: " + warning);
        }
        for (String text : List.of("properties.time", "must be in the past", "properties.coupon", "is too long")) {
            assertTrue(warning.contains(text), "names the field and message (" + text + "): " + warning);
        }
        for (int accepted : new int[] {0, 2, 4}) {
            assertTrue(!warning.contains("'" + NAMES.get(accepted) + "'"), "only refused events are listed: " + warning);
        }

        logback.stop();
        assertEquals(1, server.requestCount(), "the valid events were imported: nothing is resent");
        assertEquals(0, logback.stats().retried());
        assertEquals(0, logback.stats().droppedTotal() - logback.stats().rejected());
    }
}
