package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /engage} (profile updates) or {@code POST /groups} (group updates): the token travels in
 * every update; a request with any invalid update is refused whole. With {@code verbose=1} it answers
 * {@code {"status":1,"error":null}} (or {@code status 0} and the reason), else {@code 1} or {@code 0}.
 */
final class UpdatesEndpoint extends EventsEndpoint {
    private final boolean groups;

    /** An endpoint for group updates when {@code groups} is set, else for profile updates. */
    UpdatesEndpoint(ReceiverLedger ledger, boolean groups) {
        super(ledger);
        this.groups = groups;
    }

    @Override
    Answer answer(HttpExchange exchange, Map<String, String> query, List<JsonNode> records) throws Refusal {
        checkCount(records);
        for (int i = 0; i < records.size(); i++) {
            Violation violation = UpdateValidator.check(records.get(i), groups);
            if (violation != null) {
                ledger.rejectedUpdates(groups, records.size());
                throw new Refusal(400, "update " + i + ": " + violation.message());
            }
        }
        for (JsonNode record : records) {
            ledger.acceptedUpdate(groups, UpdateValidator.operation(record, groups), record);
        }
        return Answer.verboseAccepted(query);
    }

    @Override
    Answer refuse(Map<String, String> query, Refusal refusal) {
        return Answer.verboseRefused(query, refusal);
    }
}
