package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /track}: every record must carry the project token; a request with any invalid record
 * is refused whole. With {@code verbose=1} it answers {@code {"status":1,"error":null}}, else {@code 1}.
 */
final class TrackEndpoint extends EventsEndpoint {
    TrackEndpoint(ReceiverLedger ledger) {
        super(ledger);
    }

    @Override
    Answer answer(HttpExchange exchange, Map<String, String> query, List<JsonNode> records) throws Refusal {
        checkCount(records);
        for (int i = 0; i < records.size(); i++) {
            Violation violation = EventValidator.check(records.get(i), true);
            if (violation != null) {
                ledger.rejected(records.size());
                throw new Refusal(400, "record " + i + ": " + violation.message());
            }
        }
        records.forEach(ledger::accepted);
        return Answer.verboseAccepted(query);
    }

    @Override
    Answer refuse(Map<String, String> query, Refusal refusal) {
        return Answer.verboseRefused(query, refusal);
    }
}
