package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Request;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sums up the requests a {@link LocalMixpanelReceiver} received into {@link ReceiverStats}; samples keep no token. */
final class ReceiverTally {
    /** What a credential in a kept sample is replaced by. */
    static final String HIDDEN = "***";

    private long refusedRequests;
    private long wireBytes;
    private long uncompressedBytes;
    private long events;
    private long rejectedEvents;
    private long duplicateInsertIds;
    private final Map<String, Long> eventsByName = new LinkedHashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Set<String> insertIds = new HashSet<>();
    private final Map<String, String> samples = new LinkedHashMap<>();
    private final UpdateTally profiles = new UpdateTally(false);
    private final UpdateTally groups = new UpdateTally(true);

    private ReceiverTally() {
    }

    static ReceiverStats of(List<Request> requests) {
        ReceiverTally tally = new ReceiverTally();
        requests.forEach(tally::add);
        return new ReceiverStats(requests.size(), tally.refusedRequests, tally.wireBytes, tally.uncompressedBytes,
                tally.events, tally.rejectedEvents, tally.duplicateInsertIds, tally.eventsByName, tally.users.size(),
                tally.samples, tally.profiles.stats(), tally.groups.stats());
    }

    private void add(Request request) {
        wireBytes += request.wireBytes();
        uncompressedBytes += request.decodedBytes();
        if (!request.accepted()) {
            refusedRequests++;
        }
        long refused = request.records().size() - request.ingested().size();
        switch (request.path()) {
            case "/engage":
                profiles.add(request.ingested(), refused);
                return;
            case "/groups":
                groups.add(request.ingested(), refused);
                return;
            default:
                rejectedEvents += refused;
                request.ingested().forEach(this::event);
        }
    }

    private void event(JsonNode event) {
        events++;
        String name = event.path("event").asText();
        eventsByName.merge(name, 1L, Long::sum);
        JsonNode properties = event.path("properties");
        String user = properties.path("distinct_id").asText();
        if (!user.isEmpty()) {
            users.add(user);
        }
        if (!insertIds.add(properties.path("$insert_id").asText())) {
            duplicateInsertIds++;
        }
        if (!samples.containsKey(name)) {
            ObjectNode sample = event.deepCopy();
            if (sample.path("properties").has("token")) {
                ((ObjectNode) sample.get("properties")).put("token", HIDDEN);
            }
            samples.put(name, pretty(sample));
        }
    }

    static String pretty(JsonNode node) {
        try {
            return LoopbackMixpanel.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
