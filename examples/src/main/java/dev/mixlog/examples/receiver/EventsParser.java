package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the records of a request body: a JSON array, a single object, or newline-delimited objects. */
final class EventsParser {
    private EventsParser() {
    }

    static List<JsonNode> parse(byte[] json) throws Refusal {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(json)) {
            while (it.hasNextValue()) {
                values.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new Refusal(400, "the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (values.size() == 1 && values.get(0).isArray()) {
            List<JsonNode> records = new ArrayList<>();
            values.get(0).forEach(records::add);
            return records;
        }
        return values;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
