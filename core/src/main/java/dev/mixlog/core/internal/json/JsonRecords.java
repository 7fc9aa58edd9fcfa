package dev.mixlog.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON record at a time (an event, a profile or group update) into a reused buffer with
 * a reused Jackson generator: {@link #begin()}, the writer's calls, {@link #end()}. A record begun
 * and never ended (abandoned, or cut short by a failure) leaves its generator mid-record, so the next
 * {@code begin} replaces it. The writers call the generator straight from their own method, with no
 * callback in between: each record's code is one compiled unit for the JIT. Owned by the consumer thread.
 */
final class JsonRecords {
    private final JsonFactory factory = new JsonFactory().setRootValueSeparator(null);
    private final ByteSink sink;
    private JsonGenerator generator;
    /** Whether the last record was begun and not ended. */
    private boolean open;

    JsonRecords(int initialCapacity) {
        this.sink = new ByteSink(initialCapacity);
    }

    /** Starts a record in the emptied buffer; returns the generator to write it with. */
    JsonGenerator begin() throws IOException {
        sink.reset();
        if (generator == null || open) {
            generator = factory.createGenerator(sink);
        }
        open = true;
        return generator;
    }

    /**
     * Ends the record begun last and returns the buffer holding exactly its bytes, or {@code null}
     * when it reached Mixpanel's 1 MB limit.
     */
    ByteSink end() throws IOException {
        generator.flush();
        open = false;
        return sink.size() <= MixpanelRules.MAX_EVENT_BYTES ? sink : null;
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
}
