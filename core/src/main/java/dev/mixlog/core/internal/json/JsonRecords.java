package dev.mixlog.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON record at a time (an event, a profile or group update) into a reused buffer with
 * a reused Jackson generator; a generator left mid-record by a failure is discarded. Owned by the
 * consumer thread.
 */
final class JsonRecords {
    /** The body of one record; returns false to abandon the record. */
    interface Body {
        boolean writeTo(JsonGenerator out) throws IOException;
    }

    private final JsonFactory factory = new JsonFactory().setRootValueSeparator(null);
    private final ByteSink sink;
    private JsonGenerator generator;

    JsonRecords(int initialCapacity) {
        this.sink = new ByteSink(initialCapacity);
    }

    /**
     * Writes one record and returns the buffer holding exactly its bytes, or {@code null} when the
     * body abandoned it or it reached Mixpanel's 1 MB limit.
     */
    ByteSink write(Body body) {
        sink.reset();
        try {
            JsonGenerator out = generator();
            if (!body.writeTo(out)) {
                generator = null;
                return null;
            }
            out.flush();
        } catch (IOException e) {
            generator = null;
            throw new UncheckedIOException(e);
        } catch (Throwable e) {
            // an Error too: the half-written generator must not be reused for the next record
            generator = null;
            throw e;
        }
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

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = factory.createGenerator(sink);
        }
        return generator;
    }
}
