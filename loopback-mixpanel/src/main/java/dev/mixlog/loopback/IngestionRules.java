package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rules Mixpanel's ingestion API description and its documented limits put on request bodies,
 * written as checks: each method returns the violations found (empty when valid). These are
 * Mixpanel's published rules, written here independently of Mixlog's own code, so that a test
 * against {@link LoopbackMixpanel} catches what Mixlog gets wrong.
 */
public final class IngestionRules {
    /** Records in one request. */
    static final int MAX_BATCH = 2000;
    /** One record's JSON must be smaller than this. */
    static final int MAX_RECORD_BYTES = 1_000_000;
    private static final int MAX_COLLECTION = 254;
    private static final int MAX_DEPTH = 3;

    private IngestionRules() {
    }

    /** The violations of a request's body for its endpoint; an unknown endpoint is itself a violation. */
    public static List<String> check(String path, JsonNode body) {
        return findings(path, body).all();
    }

    /** What the rules found in one request: problems of the request as a whole, and of each record. */
    static Findings findings(String path, JsonNode body) {
        if (body == null) {
            return new Findings(List.of("body is not JSON"), List.of());
        }
        if (!List.of("/import", "/track", "/engage", "/groups").contains(path)) {
            return new Findings(List.of("Mixpanel has no ingestion endpoint " + path), List.of());
        }
        if (!body.isArray() || body.size() == 0) {
            return new Findings(List.of("body must be a non-empty JSON array"), List.of());
        }
        List<String> request = body.size() > MAX_BATCH
                ? List.of("batch has " + body.size() + " records, more than " + MAX_BATCH) : List.of();
        List<List<String>> records = new ArrayList<>(body.size());
        for (JsonNode record : body) {
            switch (path) {
                case "/import":
                case "/track":
                    records.add(EventRules.event(record, path.equals("/track")));
                    break;
                default:
                    records.add(UpdateRules.update(record, path.equals("/groups")));
            }
        }
        return new Findings(request, records);
    }

    /** Problems of one request: of the request as a whole, and of each record by index. */
    static final class Findings {
        final List<String> request;
        /** Per record, its problems as {@code .field message}, or {@code  message} for the record itself. */
        final List<List<String>> records;

        Findings(List<String> request, List<List<String>> records) {
            this.request = request;
            this.records = records;
        }

        /** Every problem, those of a record prefixed by its index: {@code [3].properties.time must be an integer}. */
        List<String> all() {
            List<String> all = new ArrayList<>(request);
            for (int i = 0; i < records.size(); i++) {
                for (String problem : records.get(i)) {
                    all.add("[" + i + "]" + problem);
                }
            }
            return all;
        }
    }

    /**
     * {@code POST /engage}: a non-empty array of at most 2000 profile updates, each with a string
     * {@code $token} and {@code $distinct_id}, exactly one operation in its documented shape, and
     * optionally {@code $ip} (string), {@code $ignore_time} and {@code $ignore_alias} (booleans).
     */
    public static List<String> profileUpdates(JsonNode body) {
        return check("/engage", body);
    }

    /**
     * {@code POST /groups}: a non-empty array of at most 2000 group updates, each with a string
     * {@code $token}, {@code $group_key} and {@code $group_id}, and exactly one operation in its
     * documented shape. (Mixpanel's schema for a group delete also lists {@code $set} as required;
     * a delete carries {@code $delete} only, which is what Mixpanel accepts.)
     */
    public static List<String> groupUpdates(JsonNode body) {
        return check("/groups", body);
    }
    /** {@code POST /import}: a non-empty array of at most 2000 events with event, time, distinct_id and $insert_id. */
    public static List<String> importBody(JsonNode body) {
        return check("/import", body);
    }

    /** {@code POST /track}: as /import, and every event carries {@code properties.token}. */
    public static List<String> trackBody(JsonNode body) {
        return check("/track", body);
    }
    /** A property value: finite numbers, collections of fewer than 255 items, nested at most 3 levels. */
    static void value(JsonNode value, String at, int depth, List<String> problems) {
        if (value.isNumber() && !Double.isFinite(value.asDouble())) {
            problems.add(at + " is not a finite number");
        }
        if (value.isContainerNode()) {
            if (depth > MAX_DEPTH) {
                problems.add(at + " is nested deeper than " + MAX_DEPTH);
                return;
            }
            if (value.size() > MAX_COLLECTION) {
                problems.add(at + " has " + value.size() + " elements, Mixpanel accepts fewer than 255");
            }
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    value(value.get(i), at + "[" + i + "]", depth + 1, problems);
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    value(field.getValue(), at + "." + field.getKey(), depth + 1, problems);
                }
            }
        }
    }
}
