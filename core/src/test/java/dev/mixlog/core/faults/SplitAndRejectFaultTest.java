package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replies that must never be answered by resending the same body: 413 (split in halves until each
 * part fits; a lone event too large is dropped and counted), and strict mode's 400 (exactly the
 * refused records are reported and counted; the others were imported, once).
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class SplitAndRejectFaultTest {
    /** The body size, after gunzip, above which the server answers 413. */
    private static final int BODY_LIMIT = 80 * 1024;
    private static final int OVERSIZED_EVERY = 5000;
    private static final int INVALID_EVERY = 397;
    private static final Pattern REPORTED_ID = Pattern.compile("\\$insert_id ([0-9a-f]{32})");

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    /** An event of about 130 KB serialized: larger than the server takes in one body. */
    private static TestEvent oversized(int seq) {
        List<String> filler = java.util.Collections.nCopies(254, "f".repeat(255));
        return TestEvent.numbered(seq).with("filler_a", filler).with("filler_b", filler);
    }

    @Test
    void bodiesAboveTheServersLimitAreSplitUntilTheyFit() {
        int events = FaultTimings.events();
        server.answerWith(arrival -> arrival.decodedBytes() > BODY_LIMIT
                ? Reply.refuse(413, "{\"error\":\"request entity too large\"}") : Reply.accept());
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)))) {
            BitSet expected = new BitSet();
            int oversized = 0;
            long started = System.nanoTime();
            for (int seq = 0; seq < events; seq++) {
                boolean tooLarge = seq % OVERSIZED_EVERY == OVERSIZED_EVERY - 1;
                assertTrue(pipeline.log(tooLarge ? oversized(seq) : TestEvent.numbered(seq)));
                if (tooLarge) {
                    oversized++;
                } else {
                    expected.set(seq);
                }
            }
            pipeline.awaitSettled(events);
            long took = System.nanoTime() - started;

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(events, server);
            assertEquals(oversized, stats.dropped(DropReason.TOO_LARGE), stats::toString);
            assertEquals(oversized, stats.droppedTotal(), stats::toString);
            assertEquals(expected, Pipeline.seqs(server.ingestedEvents()), "every event below the limit, none above");
            assertEquals(0, server.duplicatesIngested());
            int tooLargeAnswers = 0;
            int largestAccepted = 0;
            for (Request arrival : server.requests()) {
                if (arrival.answer().equals("413")) {
                    tooLargeAnswers++;
                } else {
                    largestAccepted = Math.max(largestAccepted, arrival.decodedBytes());
                }
            }
            assertTrue(largestAccepted <= BODY_LIMIT);
            Figures.report("413 above 80 KiB", events + " events in batches of 500 (~125 KB): " + server.requestCount()
                    + " requests, " + tooLargeAnswers + " answered 413 and split; largest body accepted " + largestAccepted
                    + " bytes; all " + expected.cardinality() + " events below the limit delivered once; " + oversized
                    + " single events over it dropped as too large; settled in " + Figures.millis(took) + " ms");
        }
    }

    @Test
    void strictModeRefusesExactlyTheInvalidRecordsAndImportsTheRestOnce() {
        int events = FaultTimings.events();
        server.answerWith(arrival -> {
            List<Integer> invalid = new ArrayList<>();
            List<JsonNode> batch = arrival.events();
            for (int i = 0; i < batch.size(); i++) {
                if (!batch.get(i).path("properties").path("valid").asBoolean(true)) {
                    invalid.add(i);
                }
            }
            return invalid.isEmpty() ? Reply.accept() : Reply.strictRefusal(invalid);
        });
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)))) {
            BitSet valid = new BitSet();
            int invalid = 0;
            for (int seq = 0; seq < events; seq++) {
                boolean refused = seq % INVALID_EVERY == 0;
                pipeline.log(refused ? TestEvent.numbered(seq).with("valid", false) : TestEvent.numbered(seq));
                if (refused) {
                    invalid++;
                } else {
                    valid.set(seq);
                }
            }
            pipeline.awaitSettled(events);

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(events, server);
            assertEquals(invalid, stats.dropped(DropReason.REJECTED), stats::toString);
            assertEquals(invalid, stats.droppedTotal());
            assertEquals(valid, Pipeline.seqs(server.ingestedEvents()));
            assertEquals(0, server.duplicatesIngested(), "the others were imported once");
            assertEquals(events, server.requests().stream().mapToInt(arrival -> arrival.events().size()).sum(), "nothing resent");
            assertEquals(server.refusedInsertIds(), reportedInsertIds(pipeline.status()), "reported: exactly the refused");
            Figures.report("strict 400", events + " events, " + invalid + " of them invalid: exactly those " + invalid
                    + " reported by $insert_id and counted as rejected; " + valid.cardinality() + " imported once; "
                    + server.requestCount() + " requests, none resent");
        }
    }

    /**
     * A strict 400 that names one refused record twice (two bad fields), names an {@code $insert_id}
     * that is not in the batch, and an index past its end: each refused event is counted once, the
     * entries that name no event of the batch are reported as a malformed reply, and the counts match
     * what the server imported and refused.
     */
    @Test
    void aStrictReplyIsCountedByTheDistinctEventsOfTheBatchItNames() {
        int events = 2_000;
        server.answerWith(arrival -> {
            List<String> ids = arrival.insertIds();
            if (ids.size() < 8) {
                // a batch sealed early by flushInterval on a busy machine: nothing in it to refuse
                return Reply.accept();
            }
            String body = "{\"code\":400,\"error\":\"some data points in the request failed validation\","
                    + "\"num_records_imported\":" + (ids.size() - 2) + ",\"status\":\"Bad Request\",\"failed_records\":["
                    + "{\"index\":3,\"$insert_id\":\"" + ids.get(3) + "\",\"field\":\"properties.time\",\"message\":\"bad\"},"
                    + "{\"index\":3,\"$insert_id\":\"" + ids.get(3) + "\",\"field\":\"properties.a\",\"message\":\"bad\"},"
                    + "{\"index\":7,\"$insert_id\":\"" + ids.get(7) + "\",\"field\":\"event\",\"message\":\"bad\"},"
                    + "{\"$insert_id\":\"not-in-this-batch\",\"field\":\"event\",\"message\":\"not ours\"},"
                    + "{\"index\":" + ids.size() + ",\"field\":\"event\",\"message\":\"past the end\"}]}";
            return Reply.strictRefusal(List.of(3, 7)).withBody(body);
        });
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_BATCH_EVENTS, "200")
                .text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)))) {
            assertEquals(events, pipeline.logNumbered(0, events).cardinality());
            pipeline.awaitSettled(events);

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(events, server);
            assertEquals(events, server.requests().stream().mapToInt(arrival -> arrival.events().size()).sum(), "nothing resent");
            long refusable = server.requests().stream().filter(arrival -> arrival.events().size() >= 8).count();
            assertEquals(2L * refusable, server.refusedInsertIds().size(), "the server refused two events of each full batch");
            assertEquals(server.refusedInsertIds().size(), stats.dropped(DropReason.REJECTED), stats::toString);
            assertEquals(events - server.refusedInsertIds().size(), stats.delivered());
            assertEquals(server.refusedInsertIds(), reportedInsertIds(pipeline.status()), "reported: exactly the refused");
            List<String> reports = pipeline.status().containing("Mixpanel refused");
            assertEquals(refusable, reports.size(), () -> pipeline.status().toString());
            assertTrue(reports.stream().allMatch(message -> message.contains("malformed: 2 of its 5 failed_records name no event of the batch")),
                    () -> pipeline.status().toString());
        }
    }

    private static Set<String> reportedInsertIds(StatusLog status) {
        Set<String> ids = new HashSet<>();
        for (String message : status.containing("Mixpanel refused")) {
            Matcher id = REPORTED_ID.matcher(message);
            while (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }
}
