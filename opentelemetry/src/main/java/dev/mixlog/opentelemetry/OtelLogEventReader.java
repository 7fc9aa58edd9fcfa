package dev.mixlog.opentelemetry;

import dev.mixlog.core.LogEventReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * How the core reads an OpenTelemetry log record. The record is immutable once exported, so it goes
 * into the ring as it is. Its event name (the logs data model's {@code EventName}, else an
 * {@code event.name} attribute, else the marker OpenTelemetry's Logback instrumentation captured)
 * names the Mixpanel event; its attributes become typed properties; {@code trace_id} and
 * {@code span_id} are added when the record has a span; the chosen resource attributes
 * ({@code service.name}) are added too.
 */
final class OtelLogEventReader implements LogEventReader<LogRecordData, LogRecordData> {
    static final AttributeKey<String> EVENT_NAME = AttributeKey.stringKey("event.name");
    static final AttributeKey<List<String>> LOGBACK_MARKERS = AttributeKey.stringArrayKey("logback.marker");
    static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("log.body.template");
    static final AttributeKey<String> THREAD = AttributeKey.stringKey("thread.name");
    static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    /** Where an id comes from when the record has none under the configured key: OpenTelemetry's own. */
    static final AttributeKey<String> END_USER = AttributeKey.stringKey("enduser.id");
    /** Attributes read for what they say of the record, not sent as properties. */
    private static final Set<String> NOT_PROPERTIES = Set.of(EVENT_NAME.getKey(), LOGBACK_MARKERS.getKey(), TEMPLATE.getKey(),
            THREAD.getKey(), EXCEPTION_TYPE.getKey(), EXCEPTION_MESSAGE.getKey(), "exception.stacktrace");
    /** The marker SLF4J code gives Mixlog's events; under the agent, only a marker's own name is captured. */
    private static final String MIXPANEL = "MIXPANEL";

    private final String distinctIdKey;
    private final Set<String> resourceKeys;

    OtelLogEventReader(String distinctIdKey, Set<String> resourceKeys) {
        this.distinctIdKey = distinctIdKey;
        this.resourceKeys = resourceKeys;
    }

    /** Whether the record names an event: an event name, an {@code event.name} attribute, or a captured marker. */
    @Override
    public boolean isMarked(LogRecordData record) {
        return markerName(record) != null;
    }

    @Override
    public boolean isBelowWarn(LogRecordData record) {
        Severity severity = record.getSeverity();
        return severity != Severity.UNDEFINED_SEVERITY_NUMBER && severity.getSeverityNumber() < Severity.WARN.getSeverityNumber();
    }

    @Override
    public LogRecordData capture(LogRecordData record) {
        return record;
    }

    @Override
    public long estimatedBytes(LogRecordData record) {
        return 256L + 64L * record.getAttributes().size();
    }

    @Override
    public long timestampMillis(LogRecordData record) {
        long nanos = record.getTimestampEpochNanos() != 0 ? record.getTimestampEpochNanos() : record.getObservedTimestampEpochNanos();
        return nanos / 1_000_000;
    }

    @Override
    public String markerName(LogRecordData record) {
        String eventName = record.getEventName();
        if (eventName != null && !eventName.isBlank()) {
            return eventName;
        }
        String attribute = record.getAttributes().get(EVENT_NAME);
        if (attribute != null && !attribute.isBlank()) {
            return attribute;
        }
        List<String> markers = record.getAttributes().get(LOGBACK_MARKERS);
        if (markers != null) {
            for (String marker : markers) {
                if (marker != null && !marker.isBlank() && !marker.equals(MIXPANEL)) {
                    return marker;
                }
            }
        }
        return null;
    }

    @Override
    public String messageTemplate(LogRecordData record) {
        String template = record.getAttributes().get(TEMPLATE);
        return template != null ? template : formattedMessage(record);
    }

    @Override
    public String formattedMessage(LogRecordData record) {
        Value<?> body = record.getBodyValue();
        return body == null ? "" : body.asString();
    }

    @Override
    public void forEachContextEntry(LogRecordData record, BiConsumer<String, Object> action) {
    }

    @Override
    public void forEachKeyValue(LogRecordData record, BiConsumer<String, Object> action) {
        boolean[] hasId = {false};
        record.getAttributes().forEach((key, value) -> {
            String name = key.getKey();
            if (!NOT_PROPERTIES.contains(name)) {
                hasId[0] |= name.equals(distinctIdKey);
                action.accept(name, value);
            }
        });
        String endUser = record.getAttributes().get(END_USER);
        if (!hasId[0] && endUser != null) {
            action.accept(distinctIdKey, endUser);
        }
        SpanContext span = record.getSpanContext();
        if (span != null && span.isValid()) {
            action.accept("trace_id", span.getTraceId());
            action.accept("span_id", span.getSpanId());
        }
        if (!resourceKeys.isEmpty()) {
            Attributes resource = record.getResource().getAttributes();
            resource.forEach((key, value) -> {
                if (resourceKeys.contains(key.getKey())) {
                    action.accept(key.getKey(), value);
                }
            });
        }
    }

    @Override
    public String level(LogRecordData record) {
        String text = record.getSeverityText();
        return text != null ? text : record.getSeverity().name();
    }

    @Override
    public String loggerName(LogRecordData record) {
        return record.getInstrumentationScopeInfo().getName();
    }

    @Override
    public String threadName(LogRecordData record) {
        return record.getAttributes().get(THREAD);
    }

    @Override
    public String exceptionClass(LogRecordData record) {
        return record.getAttributes().get(EXCEPTION_TYPE);
    }

    @Override
    public String exceptionMessage(LogRecordData record) {
        return record.getAttributes().get(EXCEPTION_MESSAGE);
    }
}
