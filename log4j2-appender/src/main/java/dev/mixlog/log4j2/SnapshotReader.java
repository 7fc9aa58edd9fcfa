package dev.mixlog.log4j2;

import dev.mixlog.core.mapping.LogEventReader;
import java.util.function.BiConsumer;

/**
 * Reads an {@link EventSnapshot} on Mixlog's consumer thread. A map message's fields (a
 * {@code MapMessage} or {@code StructuredDataMessage}) play the part of SLF4J key-value pairs.
 */
final class SnapshotReader implements LogEventReader<EventSnapshot> {
    static final SnapshotReader INSTANCE = new SnapshotReader();

    private SnapshotReader() {
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
