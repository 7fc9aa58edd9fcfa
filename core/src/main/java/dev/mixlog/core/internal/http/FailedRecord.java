package dev.mixlog.core.internal.http;

/** One event that {@code /import?strict=1} refused, as reported in {@code failed_records}. */
public final class FailedRecord {
    private final String eventName;
    private final String insertId;
    private final String field;
    private final String message;

    public FailedRecord(String eventName, String insertId, String field, String message) {
        this.eventName = eventName;
        this.insertId = insertId;
        this.field = field;
        this.message = message;
    }

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
