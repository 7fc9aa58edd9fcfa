package dev.mixlog.core;

/**
 * One typed property of a Mixpanel event, passed as an argument of the logging call
 * ({@code log.info(SIGNED_UP, "signed up {}", property("seats", 7))}): the appenders of every framework
 * read it from the call's arguments with its Java type, so a number stays a number through any
 * logging bridge (SLF4J's key-value pairs become text through Log4j2's SLF4J binding). Made by
 * {@code MixpanelMarkers.property(key, value)}; a {@code {}} placeholder shows it as {@code key=value}.
 */
public final class EventProperty {
    private final String key;
    private final Object value;

    private EventProperty(String key, Object value) {
        this.key = key;
        this.value = value;
    }

    /** A property named {@code key} with this value (numbers, booleans, text, lists, maps, ...). Never throws. */
    public static EventProperty of(String key, Object value) {
        return new EventProperty(key, value);
    }

    public String key() {
        return key;
    }

    public Object value() {
        return value;
    }

    /** {@code key=value}, as a placeholder of the message shows it; never throws, whatever the value. */
    @Override
    public String toString() {
        String shown;
        try {
            shown = String.valueOf(value);
        } catch (Throwable unrenderable) {
            shown = "?";
        }
        return key + "=" + shown;
    }
}
