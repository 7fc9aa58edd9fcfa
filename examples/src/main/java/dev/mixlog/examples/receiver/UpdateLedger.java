package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one update endpoint has been sent; not thread-safe, guarded by its {@link ReceiverLedger}. The
 * sample keeps no token.
 */
final class UpdateLedger {
    private final boolean groups;
    private long accepted;
    private long rejected;
    private long duplicates;
    private final Map<String, Long> byOperation = new LinkedHashMap<>();
    private final Set<String> targets = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private JsonNode sample;

    UpdateLedger(boolean groups) {
        this.groups = groups;
    }

    /** Records a valid update; call only after {@link UpdateValidator} passed it. */
    void accepted(String operation, JsonNode update) {
        accepted++;
        byOperation.merge(operation, 1L, Long::sum);
        targets.add(groups ? update.get("$group_key").asText() + "/" + update.get("$group_id").asText()
                : update.get("$distinct_id").asText());
        if (!seen.add(Json.compact(update))) {
            duplicates++;
        }
        if (sample == null) {
            ObjectNode copy = update.deepCopy();
            copy.put("$token", Json.HIDDEN);
            sample = copy;
        }
    }

    void rejected(long count) {
        rejected += count;
    }

    UpdateStats snapshot() {
        return new UpdateStats(accepted, rejected, duplicates, byOperation, targets.size(),
                sample == null ? null : Json.pretty(sample));
    }
}
