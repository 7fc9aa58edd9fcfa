package dev.mixlog.core.diag;

/**
 * A change Mixlog made to an event to fit Mixpanel's limits. Each is counted
 * ({@link MixlogStats#adjusted(Adjustment)}) and reported; the event is still sent.
 */
public enum Adjustment {
    STRING_TRUNCATED("string values cut to maxStringLength"),
    PROPERTY_DROPPED("properties dropped beyond Mixpanel's 254 per event"),
    RESERVED_KEY_IGNORED("properties ignored because they would overwrite token, time, distinct_id or $insert_id"),
    INVALID_KEY_IGNORED("properties ignored for a null, empty or over-long name"),
    COLLECTION_TRUNCATED("lists or objects cut to 254 elements"),
    TOO_DEEP("values nested deeper than 3 levels replaced by a placeholder"),
    NOT_FINITE("NaN or infinite numbers sent as null"),
    UNRENDERABLE("values whose toString() failed replaced by a placeholder"),
    INVALID_TEXT("lone UTF-16 surrogates replaced by U+FFFD"),
    DISTINCT_ID_REPLACED("banned or non-string distinct_id values sent as \"\""),
    EVENT_NAME_TRUNCATED("event names cut to 255 characters");

    private final String description;

    Adjustment(String description) {
        this.description = description;
    }

    /** A few words for messages. */
    public String description() {
        return description;
    }
}
