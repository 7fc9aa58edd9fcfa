package dev.mixlog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.mapping.MappedUpdate;
import dev.mixlog.core.internal.mapping.Operation;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializes profile ({@code /engage}) and group ({@code /groups}) updates in the shapes Mixpanel
 * documents: {@code $set}, {@code $set_once}, {@code $append} and {@code $remove} take an object of
 * values; {@code $add} an object of numbers; {@code $union} an object of non-empty lists of numbers
 * and strings;
 * {@code $unset} a list of names (the key-value keys); {@code $delete} an empty string.
 * Owned by the consumer thread.
 */
public final class UpdateWriter {
    /** Marks a property that cannot take part in the operation. */
    private static final Object LEFT_OUT = new Object();

    private final JsonRecords records = new JsonRecords(4096);
    private final ValueSanitizer sanitizer;
    private final Counters stats;
    private final String token;
    private final boolean ignoreTimeByDefault;

    public UpdateWriter(String token, boolean ignoreTimeByDefault, int maxStringLength, Counters stats) {
        this.token = token;
        this.ignoreTimeByDefault = ignoreTimeByDefault;
        this.stats = stats;
        this.sanitizer = new ValueSanitizer(maxStringLength, stats);
    }

    /**
     * Writes the update and returns the buffer holding exactly its bytes, or {@code null} when it
     * cannot be sent: no profile or group id, nothing to do (such as {@code $set} without values), or
     * 1 MB or larger.
     */
    public ByteSink write(MappedUpdate update) {
        Operation operation = update.operation();
        String verb = operation.verb();
        sanitizer.startRecord();
        Object value = operationValue(verb, update.properties());
        String id = idText(operation.kind() == Operation.Kind.GROUP ? update.groupId() : update.distinctId());
        if (value == null || id == null || sanitizer.overBudget()) {
            return null;
        }
        try {
            JsonGenerator out = records.begin();
            out.writeStartObject();
            out.writeStringField("$token", token);
            if (operation.kind() == Operation.Kind.GROUP) {
                out.writeStringField("$group_key", operation.groupKey());
                out.writeStringField("$group_id", id);
            } else {
                out.writeStringField("$distinct_id", id);
                writeProfileOptions(out, update);
            }
            out.writeFieldName(verb);
            JsonRecords.writeClean(out, value);
            out.writeEndObject();
            return records.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeProfileOptions(JsonGenerator out, MappedUpdate update) throws IOException {
        if (update.ip() != null) {
            out.writeStringField("$ip", sanitizer.renderScalar(update.ip()));
        }
        boolean ignoreTime = update.ignoreTime() == null ? ignoreTimeByDefault
                : Boolean.parseBoolean(sanitizer.renderScalar(update.ignoreTime()).trim());
        if (ignoreTime) {
            out.writeBooleanField("$ignore_time", true);
        }
    }

    /** The operation's value in its documented shape, sanitized; {@code null} when there is nothing to send. */
    private Object operationValue(String verb, Map<String, Object> properties) {
        switch (verb) {
            case "$delete":
                return "";
            case "$unset": {
                List<Object> names = new ArrayList<>();
                for (String key : properties.keySet()) {
                    String name = sanitizer.cleanKey(key);
                    if (name != null && names.size() < MixpanelRules.MAX_COLLECTION_SIZE) {
                        names.add(name);
                    } else if (name != null) {
                        stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
                    }
                }
                return names.isEmpty() ? null : names;
            }
            default: {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    String key = sanitizer.cleanKey(property.getKey());
                    if (key == null) {
                        continue;
                    }
                    Object value = shaped(verb, sanitizer.clean(property.getValue()));
                    if (value != LEFT_OUT && values.size() < MixpanelRules.MAX_PROPERTIES) {
                        values.put(key, value);
                    } else {
                        stats.recordAdjusted(Adjustment.PROPERTY_DROPPED);
                    }
                }
                return values.isEmpty() ? null : values;
            }
        }
    }

    /**
     * A clean value fitted to the operation, or {@link #LEFT_OUT}: {@code $set} and {@code $set_once}
     * take any value ({@code null} included); {@code $add} numbers; {@code $union} a non-empty list of
     * numbers and strings (a single value becomes a list of one, other items are left out);
     * {@code $append} and {@code $remove} any value but {@code null}.
     */
    private static Object shaped(String verb, Object clean) {
        switch (verb) {
            case "$set":
            case "$set_once":
                return clean;
            case "$add":
                return clean instanceof Number ? clean : LEFT_OUT;
            case "$union": {
                List<?> items = clean instanceof List ? (List<?>) clean : Collections.singletonList(clean);
                List<Object> kept = new ArrayList<>(items.size());
                for (Object item : items) {
                    if (item instanceof String || item instanceof Number) {
                        kept.add(item);
                    }
                }
                return kept.isEmpty() ? LEFT_OUT : kept;
            }
            default:
                return clean == null ? LEFT_OUT : clean;
        }
    }

    private String idText(Object id) {
        return MixpanelRules.usableId(sanitizer.idText(id));
    }
}
