package dev.mixlog.core.internal.mapping;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Applies Mixlog's mapping contract, the same for every framework: the event name is the marker's
 * name or else the unformatted message template; {@code distinct_id} comes from the key-value pairs,
 * else the MDC, else {@code ""}; properties come from static configuration, then MDC, then the
 * marker's payload, then key-value pairs, then optional context fields, later sources winning.
 */
public final class EventMapper<S> {
    /** Property names of the optional context fields. */
    public static final String LEVEL = "level";
    public static final String LOGGER = "logger";
    public static final String THREAD = "thread";
    public static final String MESSAGE = "message";
    public static final String EXCEPTION_CLASS = "exception_class";
    public static final String EXCEPTION_MESSAGE = "exception_message";

    /** The event name and properties of original-ID-merge identity events. */
    public static final String IDENTIFY_EVENT = "$identify";
    public static final String IDENTIFIED_ID = "$identified_id";
    public static final String ANON_ID = "$anon_id";

    private final LogEventReader<?, S> reader;
    private final MixlogConfig config;
    // read from the configuration once: these are consulted for every event
    private final PropertyList staticProperties;
    private final String idKey;
    private final boolean includeLevel;
    private final boolean includeLogger;
    private final boolean includeThread;
    private final boolean includeMessage;
    private final boolean includeException;
    /**
     * The properties of the event being mapped, refilled for each, and the visitors that fill them:
     * made once, as the mapper is its consumer thread's alone, so mapping allocates no lambda.
     */
    private final PropertyList properties = new PropertyList();
    private final BiConsumer<String, Object> putProperty = properties::put;
    private final ContextEntries contextEntries = new ContextEntries();
    private final KeyValues keyValues = new KeyValues();

    public EventMapper(LogEventReader<?, S> reader, MixlogConfig config) {
        this.reader = reader;
        this.config = config;
        this.staticProperties = PropertyList.of(config.staticProperties());
        this.idKey = config.distinctIdKey();
        this.includeLevel = config.includeLevel();
        this.includeLogger = config.includeLogger();
        this.includeThread = config.includeThread();
        this.includeMessage = config.includeMessage();
        this.includeException = config.includeException();
    }

    /** What the event's marker asks for: an event, a profile or group update, or {@code $identify}. */
    public Operation operation(S event) {
        return Operation.of(reader.markerName(event));
    }

    /** The event's own {@code $insert_id} as the reader gives it, or {@code null} (see {@link LogEventReader#insertId}). */
    public String insertId(S event) {
        return reader.insertId(event);
    }

    /**
     * Maps an {@code $identify} event (original ID merge): {@code $identified_id} is the resolved
     * {@code distinct_id}, {@code $anon_id} the value logged under {@code $anon_id}, both as text.
     * Returns {@code null} when either is missing, blank or a value Mixpanel bans as an id.
     */
    public MappedEvent mapIdentify(S event) {
        MappedEvent base = map(event);
        String identifiedId = MixpanelRules.usableId(base.distinctId() == null ? null : String.valueOf(base.distinctId()));
        Object anon = base.properties().get(ANON_ID);
        String anonId = MixpanelRules.usableId(anon == null ? null : String.valueOf(anon));
        if (identifiedId == null || anonId == null) {
            return null;
        }
        PropertyList identity = new PropertyList();
        identity.put(IDENTIFIED_ID, identifiedId);
        identity.put(ANON_ID, anonId);
        return new MappedEvent(IDENTIFY_EVENT, identifiedId, base.timeMillis(), identity);
    }

    /**
     * Maps an event. The properties of the result are this mapper's own list, refilled by the next
     * call: write the event before mapping another.
     */
    public MappedEvent map(S event) {
        String markerName = reader.markerName(event);
        String name = markerName != null ? markerName : reader.messageTemplate(event);
        PropertyList properties = this.properties;
        properties.clear();
        properties.putAll(staticProperties);
        contextEntries.distinctId = null;
        reader.forEachContextEntry(event, contextEntries);
        reader.forEachMarkerProperty(event, putProperty);
        keyValues.distinctId = null;
        reader.forEachKeyValue(event, keyValues);
        Object distinctId = keyValues.distinctId != null ? keyValues.distinctId : contextEntries.distinctId;
        addContextFields(event, properties);
        return new MappedEvent(name, distinctId, reader.timestampMillis(event), properties);
    }

    /**
     * Maps a profile or group operation: the update's properties are the key-value pairs only;
     * the profile is the event's {@code distinct_id} (same resolution as events); the group id is the
     * value under the group key, from the key-value pairs, else the MDC.
     */
    public MappedUpdate mapUpdate(S event, Operation operation) {
        String groupKey = operation.groupKey();
        Object[] contextIds = new Object[2];
        reader.forEachContextEntry(event, (key, value) -> {
            if (key != null && key.equals(idKey)) {
                contextIds[0] = value;
            } else if (key != null && key.equals(groupKey)) {
                contextIds[1] = value;
            }
        });
        Map<String, Object> properties = new LinkedHashMap<>();
        Object[] lifted = new Object[4];
        reader.forEachKeyValue(event, (key, value) -> {
            if (key == null) {
                return;
            }
            if (key.equals(idKey)) {
                lifted[0] = value;
            } else if (key.equals(groupKey)) {
                lifted[1] = value;
            } else if (key.equals(MappedUpdate.IP)) {
                lifted[2] = value;
            } else if (key.equals(MappedUpdate.IGNORE_TIME)) {
                lifted[3] = value;
            } else {
                properties.put(key, value);
            }
        });
        return new MappedUpdate(operation, lifted[0] != null ? lifted[0] : contextIds[0],
                lifted[1] != null ? lifted[1] : contextIds[1], properties, lifted[2], lifted[3]);
    }

    /** Takes the MDC entries the configuration sends as properties, and the one under the id key as the id. */
    private final class ContextEntries implements BiConsumer<String, Object> {
        Object distinctId;

        @Override
        public void accept(String key, Object value) {
            if (key == null) {
                return;
            }
            if (key.equals(idKey)) {
                distinctId = value;
            } else if (config.sendsMdcKey(key)) {
                properties.put(key, value);
            }
        }
    }

    /** Takes the key-value pairs as properties, and the one under the id key as the id. */
    private final class KeyValues implements BiConsumer<String, Object> {
        Object distinctId;

        @Override
        public void accept(String key, Object value) {
            if (key != null && key.equals(idKey)) {
                distinctId = value;
            } else {
                properties.put(key, value);
            }
        }
    }

    private void addContextFields(S event, PropertyList properties) {
        if (includeLevel) {
            properties.put(LEVEL, reader.level(event));
        }
        if (includeLogger) {
            properties.put(LOGGER, reader.loggerName(event));
        }
        if (includeThread) {
            properties.put(THREAD, reader.threadName(event));
        }
        if (includeMessage) {
            properties.put(MESSAGE, reader.formattedMessage(event));
        }
        String exceptionClass = includeException ? reader.exceptionClass(event) : null;
        if (exceptionClass != null) {
            properties.put(EXCEPTION_CLASS, exceptionClass);
            properties.put(EXCEPTION_MESSAGE, reader.exceptionMessage(event));
        }
    }
}
