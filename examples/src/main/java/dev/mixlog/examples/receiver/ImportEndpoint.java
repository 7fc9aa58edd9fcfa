package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /import}: needs Basic authentication; imports the valid records and, with
 * {@code strict=1}, answers 400 listing the invalid ones in {@code failed_records}.
 */
final class ImportEndpoint extends EventsEndpoint {
    ImportEndpoint(ReceiverLedger ledger) {
        super(ledger);
    }

    @Override
    Answer answer(HttpExchange exchange, Map<String, String> query, List<JsonNode> records) throws Refusal {
        checkBasicAuth(exchange.getRequestHeaders().getFirst("Authorization"));
        checkCount(records);
        ArrayNode failed = Json.MAPPER.createArrayNode();
        int imported = 0;
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            Violation violation = EventValidator.check(record, false);
            if (violation == null) {
                ledger.accepted(record);
                imported++;
            } else {
                failed.add(failedRecord(i, record, violation));
            }
        }
        ledger.rejected(failed.size());
        boolean strict = "1".equals(query.get("strict"));
        if (strict && failed.size() > 0) {
            ObjectNode body = Json.object().put("code", 400)
                    .put("error", "some data points in the request failed validation");
            body.set("failed_records", failed);
            body.put("num_records_imported", imported).put("status", "Bad Request");
            return new Answer(400, body);
        }
        return new Answer(200, Json.object().put("code", 200).put("num_records_imported", imported).put("status", "OK"));
    }

    @Override
    Answer refuse(Map<String, String> query, Refusal refusal) {
        return new Answer(refusal.status(), Json.object().put("code", refusal.status())
                .put("error", refusal.getMessage()).put("status", refusal.status() == 401 ? "Unauthorized" : "Bad Request"));
    }

    private static void checkBasicAuth(String header) throws Refusal {
        String problem = "send Basic authentication: a service account, or the project token as the user name";
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Refusal(401, problem);
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refusal(401, problem);
        }
        if (pair.indexOf(':') <= 0) {
            throw new Refusal(401, problem);
        }
    }

    private static ObjectNode failedRecord(int index, JsonNode record, Violation violation) {
        ObjectNode entry = Json.object().put("index", index);
        JsonNode insertId = record.path("properties").path("$insert_id");
        if (insertId.isValueNode()) {
            entry.put("$insert_id", insertId.asText());
        }
        return entry.put("field", violation.field()).put("message", violation.message());
    }
}
