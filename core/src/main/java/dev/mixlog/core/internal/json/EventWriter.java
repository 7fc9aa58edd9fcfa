package dev.mixlog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.mapping.MappedEvent;
import dev.mixlog.core.internal.mapping.PropertyList;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serializes one mapped event as a Mixpanel event object, sanitized to Mixpanel's limits, into a
 * reused buffer. Owned by the consumer thread.
 */
public final class EventWriter {
    private static final SerializedString EVENT = new SerializedString("event");
    private static final SerializedString PROPERTIES = new SerializedString("properties");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString DISTINCT_ID = new SerializedString("distinct_id");
    private static final SerializedString INSERT_ID = new SerializedString("$insert_id");
    private static final SerializedString TOKEN = new SerializedString("token");

    private final JsonRecords records = new JsonRecords(8192);
    private final ValueSanitizer sanitizer;
    private final Counters stats;
    private final String token;
    private final int reservedCount;
    /** Whether the event last written went out without a distinct_id. */
    private boolean anonymous;
    private String writtenId = "";

    /**
     * A writer for the configured endpoint: the token goes into events only for {@code /track}.
     *
     * @param token the project token the records carry, or {@code null} (a service account alone)
     */
    public static EventWriter forEvents(MixlogConfig config, String token, Counters stats) {
        return new EventWriter(config, config.endpoint() == Endpoint.TRACK ? token : null, stats);
    }

    /** A writer for {@code $identify} events, which always go to {@code /track} and so always carry the token. */
    public static EventWriter forIdentity(MixlogConfig config, String token, Counters stats) {
        return new EventWriter(config, token, stats);
    }

    private EventWriter(MixlogConfig config, String token, Counters stats) {
        this.stats = stats;
        this.sanitizer = new ValueSanitizer(config.maxStringLength(), stats);
        this.token = token;
        this.reservedCount = token == null ? 3 : 4;
    }

    /**
     * Writes the event and returns the buffer holding exactly its bytes, or {@code null} when the
     * event cannot be made valid (no name, or 1 MB or larger even after sanitizing).
     */
    public ByteSink write(MappedEvent event, String insertId) {
        String name = event.name() == null ? "" : sanitizer.cleanText(event.name(), MixpanelRules.MAX_NAME_LENGTH, Adjustment.EVENT_NAME_TRUNCATED);
        if (name.isBlank()) {
            return null;
        }
        sanitizer.startRecord();
        String id = distinctId(event.distinctId());
        try {
            JsonGenerator out = records.begin();
            out.writeStartObject();
            out.writeFieldName(EVENT);
            out.writeString(name);
            out.writeFieldName(PROPERTIES);
            out.writeStartObject();
            out.writeFieldName(TIME);
            out.writeNumber(event.timeMillis());
            out.writeFieldName(DISTINCT_ID);
            out.writeString(id);
            out.writeFieldName(INSERT_ID);
            out.writeString(insertId);
            if (token != null) {
                out.writeFieldName(TOKEN);
                out.writeString(token);
            }
            if (!writeProperties(out, event.properties())) {
                return null;
            }
            out.writeEndObject();
            out.writeEndObject();
            return records.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the user properties; returns false, leaving the generator unusable, once the event is sure to reach 1 MB. */
    private boolean writeProperties(JsonGenerator out, PropertyList properties) throws IOException {
        int room = MixpanelRules.MAX_PROPERTIES - reservedCount;
        for (int i = 0; i < properties.size(); i++) {
            if (MixpanelRules.isReservedProperty(properties.key(i))) {
                stats.recordAdjusted(Adjustment.RESERVED_KEY_IGNORED);
                continue;
            }
            String key = sanitizer.cleanKey(properties.key(i));
            if (key == null) {
                continue;
            }
            if (room == 0) {
                stats.recordAdjusted(Adjustment.PROPERTY_DROPPED);
                continue;
            }
            room--;
            Object value = sanitizer.clean(properties.value(i));
            if (sanitizer.overBudget()) {
                return false;
            }
            out.writeFieldName(key);
            JsonRecords.writeClean(out, value);
        }
        return true;
    }

    /** The {@code distinct_id} of the event last written, {@code ""} when it went out anonymous. */
    public String writtenDistinctId() {
        return writtenId;
    }

    /** Whether the event last written went out without a distinct_id. */
    public boolean wroteAnonymous() {
        return anonymous;
    }

    /** The id as sent: {@code ""} (an anonymous event, counted) when missing, blank or banned (counted as replaced too). */
    private String distinctId(Object value) {
        String text = sanitizer.idText(value);
        String usable = MixpanelRules.usableId(text);
        if (usable == null && text != null && !text.isEmpty()) {
            stats.recordAdjusted(Adjustment.DISTINCT_ID_REPLACED);
        }
        anonymous = usable == null;
        writtenId = anonymous ? "" : usable;
        return writtenId;
    }
}
