package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the receiver has been sent so far; handlers record into it from the server's threads. Samples keep no token. */
final class ReceiverLedger {
    private long requests;
    private long refusedRequests;
    private long wireBytes;
    private long uncompressedBytes;
    private long events;
    private long rejectedEvents;
    private long duplicateInsertIds;
    private final Map<String, Long> eventsByName = new LinkedHashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Set<String> insertIds = new HashSet<>();
    private final Map<String, JsonNode> samples = new LinkedHashMap<>();
    private final UpdateLedger profileUpdates = new UpdateLedger(false);
    private final UpdateLedger groupUpdates = new UpdateLedger(true);

    synchronized void request(long wire, long uncompressed, int status) {
        requests++;
        wireBytes += wire;
        uncompressedBytes += uncompressed;
        if (status < 200 || status >= 300) {
            refusedRequests++;
        }
    }

    /** Records a valid event; call only after {@link EventValidator} passed it. */
    synchronized void accepted(JsonNode event) {
        events++;
        String name = event.get("event").asText();
        eventsByName.merge(name, 1L, Long::sum);
        JsonNode properties = event.get("properties");
        String user = properties.get("distinct_id").asText();
        if (!user.isEmpty()) {
            users.add(user);
        }
        if (!insertIds.add(properties.get("$insert_id").asText())) {
            duplicateInsertIds++;
        }
        if (!samples.containsKey(name)) {
            ObjectNode sample = event.deepCopy();
            if (sample.path("properties").has("token")) {
                ((ObjectNode) sample.get("properties")).put("token", Json.HIDDEN);
            }
            samples.put(name, sample);
        }
    }

    synchronized void rejected(long count) {
        rejectedEvents += count;
    }

    /** Records a valid group update ({@code groups}) or profile update; call only after {@link UpdateValidator} passed it. */
    synchronized void acceptedUpdate(boolean groups, String operation, JsonNode update) {
        (groups ? groupUpdates : profileUpdates).accepted(operation, update);
    }

    synchronized void rejectedUpdates(boolean groups, long count) {
        (groups ? groupUpdates : profileUpdates).rejected(count);
    }

    synchronized ReceiverStats snapshot() {
        Map<String, String> prettySamples = new LinkedHashMap<>();
        samples.forEach((name, event) -> prettySamples.put(name, Json.pretty(event)));
        return new ReceiverStats(requests, refusedRequests, wireBytes, uncompressedBytes, events, rejectedEvents,
                duplicateInsertIds, eventsByName, users.size(), prettySamples, profileUpdates.snapshot(),
                groupUpdates.snapshot());
    }
}
