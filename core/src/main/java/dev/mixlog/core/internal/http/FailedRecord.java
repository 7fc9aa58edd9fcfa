package dev.mixlog.core.internal.http;

/**
 * One entry of {@code failed_records} in a {@code /import?strict=1} reply: the event of the batch it
 * names ({@link #index()}), or none when it names no event of the batch.
 */
public final class FailedRecord {
    private final int index;
    private final String eventName;
    private final String insertId;
    private final String field;
    private final String message;

    public FailedRecord(int index, String eventName, String insertId, String field, String message) {
        this.index = index;
        this.eventName = eventName;
        this.insertId = insertId;
        this.field = field;
        this.message = message;
    }

    /** The position in the batch of the event this entry names, or -1 when it names none of the batch. */
    public int index() { return index; }
    /** Whether the entry names an event of the batch. */
    public boolean matched() { return index >= 0; }
    /** The event's name, when the record could be matched to an event of the batch. */
    public String eventName() { return eventName; }
    public String insertId() { return insertId; }
    public String field() { return field; }
    public String message() { return message; }

    @Override
    public String toString() {
        return "event '" + (eventName == null ? "?" : eventName) + "' ($insert_id " + (insertId == null ? "?" : insertId)
                + ")" + (field == null ? "" : ", field " + field) + ": " + (message == null ? "no message" : message);
    }
}
