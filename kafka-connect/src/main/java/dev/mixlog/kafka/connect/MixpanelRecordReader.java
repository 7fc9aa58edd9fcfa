package dev.mixlog.kafka.connect;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.MarkerNames;
import java.util.function.BiConsumer;

/**
 * How the core reads a {@link MixpanelRecord}: the record's name (or its operation, as the operation
 * markers name it) for the marker, its id under the configured {@code distinct_id} key (or under its
 * group key), its properties or values as key-value pairs, its time and {@code $insert_id}. The
 * record is immutable, so it goes into the ring as it is; a logging framework's parts (level, logger,
 * thread, exception) it has none of.
 */
final class MixpanelRecordReader implements LogEventReader<MixpanelRecord, MixpanelRecord> {
    private final String distinctIdKey;

    MixpanelRecordReader(String distinctIdKey) {
        this.distinctIdKey = distinctIdKey;
    }

    @Override
    public boolean isMarked(MixpanelRecord record) {
        return true;
    }

    @Override
    public boolean isBelowWarn(MixpanelRecord record) {
        return false;
    }

    @Override
    public MixpanelRecord capture(MixpanelRecord record) {
        return record;
    }

    @Override
    public long estimatedBytes(MixpanelRecord record) {
        return record.estimatedBytes();
    }

    @Override
    public long timestampMillis(MixpanelRecord record) {
        return record.timeMillis();
    }

    @Override
    public String insertId(MixpanelRecord record) {
        return record.insertId();
    }

    @Override
    public String markerName(MixpanelRecord record) {
        switch (record.kind()) {
            case PROFILE:
                return MarkerNames.profile(record.name());
            case GROUP:
                return MarkerNames.group(record.groupKey(), record.name());
            default:
                return record.name();
        }
    }

    @Override
    public String messageTemplate(MixpanelRecord record) {
        return record.name();
    }

    @Override
    public String formattedMessage(MixpanelRecord record) {
        return record.name();
    }

    @Override
    public void forEachContextEntry(MixpanelRecord record, BiConsumer<String, Object> action) {
    }

    @Override
    public void forEachKeyValue(MixpanelRecord record, BiConsumer<String, Object> action) {
        record.values().forEach(action);
        // last: a value under the same name (a property called distinct_id in a $set) never takes the record's id
        if (record.id() != null) {
            action.accept(record.kind() == MixpanelRecord.Kind.GROUP ? record.groupKey() : distinctIdKey, record.id());
        }
    }

    @Override
    public String level(MixpanelRecord record) {
        return null;
    }

    @Override
    public String loggerName(MixpanelRecord record) {
        return null;
    }

    @Override
    public String threadName(MixpanelRecord record) {
        return null;
    }

    @Override
    public String exceptionClass(MixpanelRecord record) {
        return null;
    }

    @Override
    public String exceptionMessage(MixpanelRecord record) {
        return null;
    }
}
