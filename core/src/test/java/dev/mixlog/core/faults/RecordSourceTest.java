package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a source of records of its own (the Kafka Connect sink) gets from the core: its events keep
 * the {@code $insert_id} it gives them (one Mixpanel would not take replaced by one derived from it,
 * the same every time), and it is told which of its records Mixpanel refused, by the tag each was
 * appended with.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class RecordSourceTest {
    private static final int EVENTS = 200;
    private static final int REFUSED_EVERY = 7;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    /** The drill's reader, giving each event an id of its own: a usable one for even numbers, one Mixpanel refuses for odd. */
    private static final class OwnIds extends TestEventReader {
        @Override
        public String insertId(TestEvent event) {
            long seq = ((Number) event.pairs.get("seq")).longValue();
            return seq % 2 == 0 ? "record-" + seq : "record_" + seq + "/of/a/topic";
        }
    }

    @Test
    void eventsKeepTheirOwnIdsAndTheSourceHearsOfEachRecordMixpanelRefused() {
        server.answerWith(request -> {
            List<Integer> refused = new ArrayList<>();
            List<JsonNode> records = request.records();
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).path("properties").path("seq").asLong() % REFUSED_EVERY == 0) {
                    refused.add(i);
                }
            }
            return refused.isEmpty() ? Reply.accept() : Reply.strictRefusal(refused);
        });
        Map<Object, String> refusals = new ConcurrentHashMap<>();
        MixlogCore<TestEvent, TestEvent> core = MixlogCore.start(Pipeline.settings(server).build(), new OwnIds(), new StatusLog(),
                (tag, reason) -> refusals.put(tag, reason));
        try {
            for (int seq = 0; seq < EVENTS; seq++) {
                assertTrue(core.append(TestEvent.numbered(seq), "tag-" + seq));
            }
            MixlogStats stats = core.stats();
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.delivered() + stats.droppedTotal() >= EVENTS, stats::toString);
            int refused = (EVENTS + REFUSED_EVERY - 1) / REFUSED_EVERY;
            assertEquals(refused, stats.dropped(DropReason.REJECTED), stats::toString);
            assertEquals(refused, refusals.size(), () -> "refusals heard: " + refusals.keySet());
            for (int seq = 0; seq < EVENTS; seq += REFUSED_EVERY) {
                String reason = refusals.get("tag-" + seq);
                assertTrue(reason != null && reason.contains("Mixpanel refused it"), "the refusal of record " + seq + ": " + reason);
            }
            for (JsonNode event : server.ingestedEvents()) {
                long seq = event.path("properties").path("seq").asLong();
                String expected = seq % 2 == 0 ? "record-" + seq
                        : UUID.nameUUIDFromBytes(("record_" + seq + "/of/a/topic").getBytes(StandardCharsets.UTF_8)).toString();
                assertEquals(expected, event.path("properties").path("$insert_id").asText(), "the id of event " + seq);
            }
            assertEquals(EVENTS - refused, server.ingestedEvents().size());
        } finally {
            core.stop();
        }
    }
}
