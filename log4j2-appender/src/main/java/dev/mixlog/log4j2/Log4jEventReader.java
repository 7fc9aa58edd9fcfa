package dev.mixlog.log4j2;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.config.MixlogConfig;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Reads Log4j events for the core. A Log4j event may be mutable and reused once the logging call
 * returns, so what the configuration sends is copied into an {@link EventSnapshot} on the logging
 * thread ({@link EventCapture}), and the consumer thread reads that. A map message's fields (a
 * {@code MapMessage} or {@code StructuredDataMessage}) play the part of SLF4J key-value pairs.
 */
final class Log4jEventReader implements LogEventReader<LogEvent, EventSnapshot> {
    private final EventCapture capture;

    Log4jEventReader(MixlogConfig config) {
        this.capture = new EventCapture(config);
    }

    @Override
    public boolean isMarked(LogEvent event) {
        return MarkerRules.isSelected(event.getMarker());
    }

    @Override
    public boolean isBelowWarn(LogEvent event) {
        return event.getLevel().intLevel() > Level.WARN.intLevel();
    }

    @Override
    public EventSnapshot capture(LogEvent event) {
        return capture.take(event);
    }

    @Override
    public long estimatedBytes(EventSnapshot captured) {
        return captured.estimatedBytes();
    }

    @Override
    public void forEachMarkerProperty(EventSnapshot event, BiConsumer<String, Object> action) {
        event.markerProperties.forEach(action);
    }

    @Override
    public long timestampMillis(EventSnapshot event) {
        return event.timeMillis;
    }

    @Override
    public String markerName(EventSnapshot event) {
        return event.markerName;
    }

    @Override
    public String messageTemplate(EventSnapshot event) {
        return event.messageTemplate;
    }

    @Override
    public String formattedMessage(EventSnapshot event) {
        return event.formattedMessage;
    }

    @Override
    public void forEachContextEntry(EventSnapshot event, BiConsumer<String, Object> action) {
        Pairs.forEachKept(event.context, action);
    }

    @Override
    public void forEachKeyValue(EventSnapshot event, BiConsumer<String, Object> action) {
        Pairs.forEach(event.fields, action);
    }

    @Override
    public String level(EventSnapshot event) {
        return event.level;
    }

    @Override
    public String loggerName(EventSnapshot event) {
        return event.loggerName;
    }

    @Override
    public String threadName(EventSnapshot event) {
        return event.threadName;
    }

    @Override
    public String exceptionClass(EventSnapshot event) {
        return event.exceptionClass;
    }

    @Override
    public String exceptionMessage(EventSnapshot event) {
        return event.exceptionMessage;
    }
}
