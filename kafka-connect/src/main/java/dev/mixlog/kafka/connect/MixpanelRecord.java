package dev.mixlog.kafka.connect;

import java.util.Map;

/**
 * One Mixpanel record read off a topic, in the shape the core maps: an event (name, {@code distinct_id},
 * time, {@code $insert_id}, properties), or a profile or group update (its operation, the profile's or
 * group's id, the operation's values). Immutable once parsed.
 */
final class MixpanelRecord {
    enum Kind { EVENT, PROFILE, GROUP }

    /** The update options of a profile update, passed on under these names. */
    static final String IP = "$ip";
    static final String IGNORE_TIME = "$ignore_time";

    private final Kind kind;
    private final String name;
    private final String groupKey;
    private final Object id;
    private final long timeMillis;
    private final String insertId;
    private final Map<String, Object> values;
    private final long estimatedBytes;

    private MixpanelRecord(Kind kind, String name, String groupKey, Object id, long timeMillis, String insertId,
                           Map<String, Object> values, long estimatedBytes) {
        this.kind = kind;
        this.name = name;
        this.groupKey = groupKey;
        this.id = id;
        this.timeMillis = timeMillis;
        this.insertId = insertId;
        this.values = values;
        this.estimatedBytes = estimatedBytes;
    }

    static MixpanelRecord event(String name, Object distinctId, long timeMillis, String insertId, Map<String, Object> properties,
                                long estimatedBytes) {
        return new MixpanelRecord(Kind.EVENT, name, null, distinctId, timeMillis, insertId, properties, estimatedBytes);
    }

    /** A profile update: {@code values} holds the operation's values, and {@link #IP} and {@link #IGNORE_TIME} when given. */
    static MixpanelRecord profile(String verb, Object distinctId, long timeMillis, Map<String, Object> values, long estimatedBytes) {
        return new MixpanelRecord(Kind.PROFILE, verb, null, distinctId, timeMillis, null, values, estimatedBytes);
    }

    static MixpanelRecord group(String verb, String groupKey, Object groupId, long timeMillis, Map<String, Object> values,
                                long estimatedBytes) {
        return new MixpanelRecord(Kind.GROUP, verb, groupKey, groupId, timeMillis, null, values, estimatedBytes);
    }

    Kind kind() { return kind; }
    /** The event's name, or the update's operation ({@code $set}, ...). */
    String name() { return name; }
    /** The group key of a group update; {@code null} otherwise. */
    String groupKey() { return groupKey; }
    /** The {@code distinct_id} of an event or profile, the group id of a group; {@code null} when none was given. */
    Object id() { return id; }
    long timeMillis() { return timeMillis; }
    /** The event's {@code $insert_id}, as given or derived from the record's place in its topic. */
    String insertId() { return insertId; }
    /** An event's properties (without the reserved ones), or an update's values. */
    Map<String, Object> values() { return values; }
    long estimatedBytes() { return estimatedBytes; }
}
