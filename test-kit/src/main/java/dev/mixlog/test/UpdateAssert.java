package dev.mixlog.test;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions on recorded profile or group updates of one operation; each narrows them to those that match. */
public final class UpdateAssert {
    private final String description;
    private final List<RecordedUpdate> updates;

    UpdateAssert(String description, List<RecordedUpdate> updates) {
        this.description = description;
        this.updates = updates;
    }

    /** Keeps the profile updates of this {@code $distinct_id}. */
    public UpdateAssert withDistinctId(String distinctId) {
        return narrowed("$distinct_id " + distinctId,
                updates.stream().filter(update -> distinctId.equals(update.distinctId())).collect(Collectors.toList()));
    }

    /** Keeps the group updates of this {@code $group_id}. */
    public UpdateAssert withGroupId(String groupId) {
        return narrowed("$group_id " + groupId,
                updates.stream().filter(update -> groupId.equals(update.groupId())).collect(Collectors.toList()));
    }

    /** Keeps the updates whose operand has this value under this name (numbers compare by value). */
    public UpdateAssert withValue(String name, Object value) {
        return narrowed(name + "=" + value,
                updates.stream().filter(update -> Values.same(value, update.value(name))).collect(Collectors.toList()));
    }

    /** The updates left, to go on with plain assertions. */
    public List<RecordedUpdate> updates() {
        return updates;
    }

    private UpdateAssert narrowed(String condition, List<RecordedUpdate> left) {
        if (left.isEmpty()) {
            throw new AssertionError("expected a " + description + " with " + condition + ", but none of the " + updates.size()
                    + " has it:" + updates.stream().map(RecordedUpdate::json).collect(Collectors.joining("\n  ", "\n  ", "")));
        }
        return new UpdateAssert(description + " with " + condition, left);
    }
}
