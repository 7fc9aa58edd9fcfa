package dev.mixlog.core.internal.mapping;

import java.util.Map;

/**
 * A profile or group update after the mapping rules: the operation, whom it updates, and the
 * operation's properties (the log call's key-value pairs or map-message fields, typed).
 */
public final class MappedUpdate {
    /** Key-value keys lifted to the update's top level instead of the operation object. */
    public static final String IP = "$ip";
    public static final String IGNORE_TIME = "$ignore_time";

    private final Operation operation;
    private final Object distinctId;
    private final Object groupId;
    private final Map<String, Object> properties;
    private final Object ip;
    private final Object ignoreTime;

    public MappedUpdate(Operation operation, Object distinctId, Object groupId, Map<String, Object> properties,
                        Object ip, Object ignoreTime) {
        this.operation = operation;
        this.distinctId = distinctId;
        this.groupId = groupId;
        this.properties = properties;
        this.ip = ip;
        this.ignoreTime = ignoreTime;
    }

    public Operation operation() { return operation; }
    /** The profile's {@code distinct_id} as logged (profile updates), or {@code null}. */
    public Object distinctId() { return distinctId; }
    /** The group id as logged under the group key (group updates), or {@code null}. */
    public Object groupId() { return groupId; }
    public Map<String, Object> properties() { return properties; }
    /** A {@code $ip} given with the log call, or {@code null}. */
    public Object ip() { return ip; }
    /** A {@code $ignore_time} given with the log call, or {@code null} for the configured default. */
    public Object ignoreTime() { return ignoreTime; }
}
