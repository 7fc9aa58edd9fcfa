package dev.mixlog.core.internal.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Bodies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batch bodies, their slices and halves, and the batcher's count, size and time rules. */
class BatchTest {
    private final List<Batch> sealed = new ArrayList<>();

    private static byte[] event(int i) {
        return ("{\"event\":\"E" + i + "\",\"properties\":{\"$insert_id\":\"id-" + i + "\",\"n\":" + i + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Batch batchOf(int events) {
        Batcher batcher = new Batcher(2000, 1 << 20, Long.MAX_VALUE);
        for (int i = 0; i < events; i++) {
            byte[] json = event(i);
            batcher.add(json, json.length, "E" + i, "id-" + i, null, 0);
        }
        batcher.flush();
        collect(batcher);
        return sealed.remove(sealed.size() - 1);
    }

    private static JsonNode parse(Batch batch) throws IOException {
        JsonNode array = Bodies.JSON.readTree(batch.body());
        assertTrue(array.isArray(), () -> new String(batch.body(), StandardCharsets.UTF_8));
        assertEquals(batch.size(), array.size());
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(batch.name(i), array.get(i).path("event").asText());
            assertEquals(batch.insertId(i), array.get(i).path("properties").path("$insert_id").asText());
        }
        return array;
    }

    @Test
    void bodyIsAJsonArrayOfTheEventsInOrder() throws IOException {
        Batch batch = batchOf(5);

        JsonNode array = parse(batch);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, array.get(i).path("properties").path("n").asInt());
        }
        assertEquals(3, batch.indexOfInsertId("id-3"));
        assertEquals(-1, batch.indexOfInsertId("id-99"));
    }

    @Test
    void singleEventBatchIsAnArrayOfOne() throws IOException {
        assertEquals(1, parse(batchOf(1)).size());
    }

    @ParameterizedTest(name = "{0} events")
    @ValueSource(ints = {2, 3, 7, 10, 301})
    void halvesAreValidArraysThatTogetherHoldEveryEventOnce(int events) throws IOException {
        Batch batch = batchOf(events);

        Batch[] halves = batch.halves();

        assertEquals(events / 2, halves[0].size());
        assertEquals(events - events / 2, halves[1].size());
        List<String> ids = new ArrayList<>();
        for (Batch half : halves) {
            parse(half).forEach(node -> ids.add(node.path("properties").path("$insert_id").asText()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            expected.add("id-" + i);
        }
        assertEquals(expected, ids);
    }

    @Test
    void slicesKeepTheExactEventBytes() throws IOException {
        Batch batch = batchOf(6);

        Batch middle = batch.slice(2, 5);

        parse(middle);
        String expected = "[" + new String(event(2), StandardCharsets.UTF_8) + "," + new String(event(3), StandardCharsets.UTF_8)
                + "," + new String(event(4), StandardCharsets.UTF_8) + "]";
        assertEquals(expected, new String(middle.body(), StandardCharsets.UTF_8));
        assertArrayEquals(batch.halves()[0].halves()[1].body(), batch.slice(1, 3).body());
    }

    @Test
    void halvingRepeatedlyEndsInSingleEvents() throws IOException {
        List<Batch> parts = new ArrayList<>(List.of(batchOf(9)));
        while (parts.stream().anyMatch(part -> part.size() > 1)) {
            List<Batch> next = new ArrayList<>();
            for (Batch part : parts) {
                if (part.size() > 1) {
                    next.addAll(List.of(part.halves()));
                } else {
                    next.add(part);
                }
            }
            parts = next;
        }
        assertEquals(9, parts.size());
        for (int i = 0; i < 9; i++) {
            assertEquals("id-" + i, parse(parts.get(i)).get(0).path("properties").path("$insert_id").asText());
        }
    }

    @Test
    void batcherSealsAtTheEventCount() {
        Batcher batcher = new Batcher(3, 1 << 20, Long.MAX_VALUE);
        for (int i = 0; i < 7; i++) {
            byte[] json = event(i);
            batcher.add(json, json.length, "E" + i, "id-" + i, null, 0);
        }

        collect(batcher);
        assertEquals(List.of(3, 3), sizes());
        assertEquals(1, batcher.pending());
        batcher.flush();
        collect(batcher);
        assertEquals(List.of(3, 3, 1), sizes());
    }

    @Test
    void batcherSealsBeforeAnEventWouldPassTheByteLimit() throws IOException {
        int limit = 1024;
        Batcher batcher = new Batcher(2000, limit, Long.MAX_VALUE);
        for (int i = 0; i < 200; i++) {
            byte[] json = event(i);
            assertTrue(batcher.add(json, json.length, "E" + i, "id-" + i, null, 0));
        }
        batcher.flush();
        collect(batcher);

        int total = 0;
        for (int b = 0; b < sealed.size(); b++) {
            Batch batch = sealed.get(b);
            assertTrue(batch.body().length <= limit, batch + " is over " + limit);
            if (b + 1 < sealed.size()) {
                int nextEvent = event(total + batch.size()).length;
                assertTrue(batch.body().length + 1 + nextEvent > limit, "sealed too early: " + batch);
            }
            parse(batch);
            total += batch.size();
        }
        assertEquals(200, total);
    }

    @Test
    void batcherRefusesAnEventLargerThanABatch() {
        Batcher batcher = new Batcher(2000, 1024, Long.MAX_VALUE);
        byte[] huge = new byte[1023];

        assertFalse(batcher.add(huge, huge.length, "Huge", "id", null, 0));
        assertEquals(0, batcher.pending());
        assertFalse(batcher.hasSealed());
    }

    @Test
    void batcherSealsWhenTheFirstEventHasWaitedTheFlushInterval() {
        long interval = 100;
        Batcher batcher = new Batcher(2000, 1 << 20, interval);
        byte[] json = event(0);
        batcher.add(json, json.length, "E0", "id-0", null, 1_000);
        batcher.add(json, json.length, "E0", "id-1", null, 1_050);

        assertEquals(50, batcher.nanosUntilDue(1_050));
        batcher.flushIfDue(1_099);
        assertFalse(batcher.hasSealed());
        batcher.flushIfDue(1_100);
        collect(batcher);
        assertEquals(List.of(2), sizes());
        assertEquals(Long.MAX_VALUE, batcher.nanosUntilDue(1_100));
    }

    /** Takes the batches the batcher has sealed, in order, as the consumer does. */
    private void collect(Batcher batcher) {
        for (Batch batch = batcher.takeSealed(); batch != null; batch = batcher.takeSealed()) {
            sealed.add(batch);
        }
    }

    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>();
        sealed.forEach(batch -> sizes.add(batch.size()));
        return sizes;
    }
}
