package dev.mixlog.kafka.connect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mixlog.core.MarkerNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads a record's value as a Mixpanel record, in the shapes Mixlog writes them: an event
 * {@code {"event":..,"properties":{..}}}, a profile update {@code {"$distinct_id":..,"$set":{..}}} or a
 * group update {@code {"$group_key":..,"$group_id":..,"$set":{..}}}; as JSON bytes or text (the byte-array
 * and string converters) or as a schemaless map (the JSON converter with {@code schemas.enable=false}).
 * An event without {@code $insert_id} gets one made from the record's topic, partition and offset, and
 * one without {@code time} the record's timestamp, so that a record delivered twice is deduplicated.
 * Anything else is a {@link BadRecordException} saying what is wrong.
 */
final class RecordParser {
    /** Properties the core writes itself, from the record's own values read here. */
    private static final Set<String> RESERVED = Set.of("token", "time", "distinct_id", "$insert_id");
    /** Nesting kept from a record: Mixpanel keeps 3 levels, the core trims to them; deeper input is refused. */
    private static final int MAX_DEPTH = 32;
    /** Times below this many are seconds (13 digits make milliseconds: from 1973 on). */
    private static final double MILLIS_FROM = 1e11;

    private final JsonFactory json = new JsonFactory();

    MixpanelRecord parse(SinkRecord record) throws BadRecordException {
        Object value = record.value();
        long estimated;
        Map<String, Object> root;
        if (value == null) {
            throw new BadRecordException("the record has no value");
        } else if (value instanceof byte[]) {
            estimated = ((byte[]) value).length;
            root = object(readJson((byte[]) value));
        } else if (value instanceof String) {
            estimated = 2L * ((String) value).length();
            root = object(readJson(((String) value).getBytes(StandardCharsets.UTF_8)));
        } else if (value instanceof Map) {
            root = object(value);
            estimated = 64L * (1 + root.size());
        } else if (value instanceof Struct) {
            throw new BadRecordException("the value has a schema (a Struct); use a converter without schemas: the JSON "
                    + "converter with value.converter.schemas.enable=false, or the string or byte-array converter");
        } else {
            throw new BadRecordException("the value is a " + value.getClass().getSimpleName() + ", not a JSON object");
        }
        if (root.containsKey("event")) {
            return event(root, record, estimated);
        }
        if (root.containsKey("$group_key") || root.containsKey("$group_id")) {
            return group(root, record, estimated);
        }
        if (root.containsKey("$distinct_id")) {
            return profile(root, record, estimated);
        }
        throw new BadRecordException("neither an event ({\"event\":..,\"properties\":{..}}) nor a profile update "
                + "({\"$distinct_id\":..,\"$set\":{..}}) nor a group update ({\"$group_key\":..,\"$group_id\":..,\"$set\":{..}})");
    }

    private static MixpanelRecord event(Map<String, Object> root, SinkRecord record, long estimated) throws BadRecordException {
        Object name = root.get("event");
        if (!(name instanceof String) || ((String) name).isBlank()) {
            throw new BadRecordException("the event has no name (\"event\" must be a non-empty string)");
        }
        if (((String) name).startsWith(MarkerNames.OPERATION_PREFIX)) {
            throw new BadRecordException("an event name may not start with '" + MarkerNames.OPERATION_PREFIX
                    + "' (Mixlog's operation markers)");
        }
        Object given = root.getOrDefault("properties", Map.of());
        if (!(given instanceof Map)) {
            throw new BadRecordException("\"properties\" must be an object");
        }
        Map<String, Object> properties = object(given);
        Object insertId = properties.get("$insert_id");
        // a blank id would give every such event the same one, and Mixpanel would keep one of them
        String id = insertId instanceof String && !((String) insertId).isBlank() ? (String) insertId
                : record.topic() + "-" + record.kafkaPartition() + "-" + record.kafkaOffset();
        Map<String, Object> kept = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!RESERVED.contains(key)) {
                kept.put(key, value);
            }
        });
        return MixpanelRecord.event((String) name, properties.get("distinct_id"), time(properties.get("time"), record), id, kept,
                estimated);
    }

    private static MixpanelRecord profile(Map<String, Object> root, SinkRecord record, long estimated) throws BadRecordException {
        Object id = root.get("$distinct_id");
        if (!isId(id)) {
            throw new BadRecordException("a profile update needs \"$distinct_id\": a non-empty string or a number");
        }
        String verb = operation(root, MarkerNames.PROFILE_OPERATIONS, "profile");
        Map<String, Object> values = values(root, verb);
        if (root.containsKey("$ip")) {
            values.put(MixpanelRecord.IP, root.get("$ip"));
        }
        if (root.containsKey("$ignore_time")) {
            values.put(MixpanelRecord.IGNORE_TIME, root.get("$ignore_time"));
        }
        return MixpanelRecord.profile(verb, id, updateTime(record), values, estimated);
    }

    private static MixpanelRecord group(Map<String, Object> root, SinkRecord record, long estimated) throws BadRecordException {
        Object key = root.get("$group_key");
        if (!(key instanceof String) || ((String) key).isBlank() || ((String) key).contains(":")) {
            throw new BadRecordException("a group update needs \"$group_key\": a non-empty string without ':'");
        }
        Object id = root.get("$group_id");
        if (!isId(id)) {
            throw new BadRecordException("a group update needs \"$group_id\": a non-empty string or a number");
        }
        String verb = operation(root, MarkerNames.GROUP_OPERATIONS, "group");
        return MixpanelRecord.group(verb, (String) key, id, updateTime(record), values(root, verb), estimated);
    }

    private static boolean isId(Object id) {
        return id instanceof Number || id instanceof String && !((String) id).isBlank();
    }

    /** An update's time, which Mixpanel does not read: the record's timestamp, or now. */
    private static long updateTime(SinkRecord record) {
        Long timestamp = record.timestamp();
        return timestamp != null && timestamp >= 0 ? timestamp : System.currentTimeMillis();
    }

    /** The one operation of an update. */
    private static String operation(Map<String, Object> root, Set<String> operations, String kind) throws BadRecordException {
        String found = null;
        for (String key : root.keySet()) {
            if (operations.contains(key)) {
                if (found != null) {
                    throw new BadRecordException("a " + kind + " update carries one operation per record, this one has "
                            + found + " and " + key);
                }
                found = key;
            }
        }
        if (found == null) {
            throw new BadRecordException("a " + kind + " update needs one of " + new TreeSet<>(operations));
        }
        return found;
    }

    /** The operation's values: an object of values, the names of {@code $unset}, nothing for {@code $delete}. */
    private static Map<String, Object> values(Map<String, Object> root, String verb) throws BadRecordException {
        Object given = root.get(verb);
        Map<String, Object> values = new LinkedHashMap<>();
        if (verb.equals("$delete")) {
            return values;
        }
        if (verb.equals("$unset")) {
            if (!(given instanceof List)) {
                throw new BadRecordException("$unset takes a list of property names");
            }
            for (Object name : (List<?>) given) {
                values.put(String.valueOf(name), null);
            }
            if (values.isEmpty()) {
                throw new BadRecordException("$unset names no property");
            }
            return values;
        }
        if (!(given instanceof Map)) {
            throw new BadRecordException(verb + " takes an object of values");
        }
        values.putAll(object(given));
        if (values.isEmpty()) {
            throw new BadRecordException(verb + " has no values");
        }
        if (verb.equals("$add") && values.values().stream().noneMatch(value -> value instanceof Number)) {
            throw new BadRecordException("$add takes numbers, and has none");
        }
        return values;
    }

    /** An event's time in milliseconds: seconds or milliseconds as Mixpanel takes them, else the record's timestamp. */
    private static long time(Object given, SinkRecord record) throws BadRecordException {
        double number;
        if (given == null) {
            Long timestamp = record.timestamp();
            if (timestamp == null || timestamp < 0) {
                throw new BadRecordException("the event has no time, and the record no timestamp");
            }
            return timestamp;
        } else if (given instanceof Number) {
            number = ((Number) given).doubleValue();
        } else if (given instanceof String) {
            try {
                number = Double.parseDouble(((String) given).trim());
            } catch (NumberFormatException e) {
                throw new BadRecordException("\"time\" is not a number: '" + given + "'");
            }
        } else {
            throw new BadRecordException("\"time\" is not a number");
        }
        if (!(number > 0) || Double.isInfinite(number)) {
            throw new BadRecordException("\"time\" must be a positive number of seconds or milliseconds since the epoch");
        }
        return Math.round(number < MILLIS_FROM ? number * 1000 : number);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) throws BadRecordException {
        if (!(value instanceof Map)) {
            throw new BadRecordException("the value is not a JSON object");
        }
        for (Object key : ((Map<?, ?>) value).keySet()) {
            if (!(key instanceof String)) {
                throw new BadRecordException("a key of the object is not a string");
            }
        }
        return (Map<String, Object>) value;
    }

    private Object readJson(byte[] bytes) throws BadRecordException {
        try (JsonParser parser = json.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new BadRecordException("the value is empty");
            }
            Object value = read(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new BadRecordException("the value has more after its JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BadRecordException("the value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadRecordException("the value could not be read: " + e.getMessage(), e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token, int depth) throws IOException, BadRecordException {
        if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            throw new BadRecordException("the value nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    object.put(key, read(parser, parser.nextToken(), depth + 1));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(read(parser, next, depth + 1));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
