package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixlog.core.MarkerNames;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sums up the profile updates or group updates received; the sample keeps no token. */
final class UpdateTally {
    private final boolean groups;
    private long accepted;
    private long rejected;
    private long duplicates;
    private final Map<String, Long> byOperation = new LinkedHashMap<>();
    private final Set<String> targets = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private String sample;

    UpdateTally(boolean groups) {
        this.groups = groups;
    }

    void add(List<JsonNode> ingested, long refused) {
        rejected += refused;
        for (JsonNode update : ingested) {
            accepted++;
            MarkerNames.PROFILE_OPERATIONS.stream().filter(update::has).findFirst()
                    .ifPresent(operation -> byOperation.merge(operation, 1L, Long::sum));
            targets.add(groups ? update.path("$group_key").asText() + "/" + update.path("$group_id").asText()
                    : update.path("$distinct_id").asText());
            if (!seen.add(update.toString())) {
                duplicates++;
            }
            if (sample == null) {
                ObjectNode copy = update.deepCopy();
                copy.put("$token", ReceiverTally.HIDDEN);
                sample = ReceiverTally.pretty(copy);
            }
        }
    }

    UpdateStats stats() {
        return new UpdateStats(accepted, rejected, duplicates, byOperation, targets.size(), sample);
    }
}
