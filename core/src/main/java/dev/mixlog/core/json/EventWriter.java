package dev.mixlog.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mixlog.core.config.Defaults;
import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.mapping.DistinctIds;
import dev.mixlog.core.mapping.MappedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Serializes one mapped event as a Mixpanel event object, sanitized to Mixpanel's limits, into a
 * reused buffer. Owned by the consumer thread.
 */
public final class EventWriter {
    /** Keys that identify and deduplicate an event; user properties never overwrite them. */
    public static final Set<String> RESERVED_KEYS = Set.of("token", "time", "distinct_id", "$insert_id");
    /** Values Mixpanel refuses as {@code distinct_id} (compared without case). */
    public static final Set<String> BANNED_IDS = DistinctIds.BANNED;
    /** Longest event name and {@code distinct_id} sent. */
    public static final int MAX_NAME_LENGTH = 255;

    private final JsonFactory factory = new JsonFactory().setRootValueSeparator(null);
    private final ByteSink sink = new ByteSink(8192);
    private final ValueSanitizer sanitizer;
    private final MixlogStats stats;
    private final String token;
    private final int reservedCount;
    private JsonGenerator generator;

    /** A writer for the configured endpoint: the token goes into events only for {@code /track}. */
    public EventWriter(MixlogConfig config, MixlogStats stats) {
        this(config, stats, config.endpoint() == Endpoint.TRACK);
    }

    /** A writer that puts the project token into every event when {@code withToken} is set. */
    public EventWriter(MixlogConfig config, MixlogStats stats, boolean withToken) {
        this.stats = stats;
        this.sanitizer = new ValueSanitizer(config.maxStringLength(), stats);
        this.token = withToken ? config.credentials().token().orElse(null) : null;
        this.reservedCount = token == null ? 3 : 4;
    }

    /**
     * Writes the event and returns the buffer holding exactly its bytes, or {@code null} when the
     * event cannot be made valid (no name, or 1 MB or larger even after sanitizing).
     */
    public ByteSink write(MappedEvent event, String insertId) {
        String name = event.name() == null ? "" : sanitizer.cleanText(event.name(), MAX_NAME_LENGTH, Adjustment.EVENT_NAME_TRUNCATED);
        if (name.isBlank()) {
            return null;
        }
        sink.reset();
        sanitizer.startRecord();
        try {
            JsonGenerator out = generator();
            out.writeStartObject();
            out.writeStringField("event", name);
            out.writeObjectFieldStart("properties");
            out.writeNumberField("time", event.timeMillis());
            out.writeStringField("distinct_id", distinctId(event.distinctId()));
            out.writeStringField("$insert_id", insertId);
            if (token != null) {
                out.writeStringField("token", token);
            }
            if (!writeProperties(out, event.properties())) {
                generator = null;
                return null;
            }
            out.writeEndObject();
            out.writeEndObject();
            out.flush();
        } catch (IOException | RuntimeException e) {
            generator = null;
            throw e instanceof IOException ? new UncheckedIOException((IOException) e) : (RuntimeException) e;
        }
        return sink.size() <= Defaults.MAX_EVENT_BYTES ? sink : null;
    }

    /** Writes the user properties; returns false, leaving the generator unusable, once the event is sure to reach 1 MB. */
    private boolean writeProperties(JsonGenerator out, Map<String, Object> properties) throws IOException {
        int room = Defaults.MAX_PROPERTIES - reservedCount;
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (RESERVED_KEYS.contains(property.getKey())) {
                stats.recordAdjusted(Adjustment.RESERVED_KEY_IGNORED);
                continue;
            }
            String key = sanitizer.cleanKey(property.getKey());
            if (key == null) {
                continue;
            }
            if (room == 0) {
                stats.recordAdjusted(Adjustment.PROPERTY_DROPPED);
                continue;
            }
            room--;
            Object value = sanitizer.clean(property.getValue());
            if (sanitizer.overBudget()) {
                return false;
            }
            out.writeFieldName(key);
            writeClean(out, value);
        }
        return true;
    }

    private String distinctId(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof String ? (String) value : sanitizer.renderScalar(value);
        String clean = sanitizer.cleanText(text.trim(), MAX_NAME_LENGTH, Adjustment.STRING_TRUNCATED);
        if (BANNED_IDS.contains(clean.toLowerCase(Locale.ROOT))) {
            stats.recordAdjusted(Adjustment.DISTINCT_ID_REPLACED);
            return "";
        }
        return clean;
    }

    /** Writes a value already made safe by {@link ValueSanitizer}. */
    static void writeClean(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String) {
            out.writeString((String) value);
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal) {
            out.writeNumber((BigDecimal) value);
        } else if (value instanceof BigInteger) {
            out.writeNumber((BigInteger) value);
        } else if (value instanceof Map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName((String) entry.getKey());
                writeClean(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object item : (List<?>) value) {
                writeClean(out, item);
            }
            out.writeEndArray();
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = factory.createGenerator(sink);
        }
        return generator;
    }
}
