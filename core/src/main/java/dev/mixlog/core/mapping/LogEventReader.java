package dev.mixlog.core.mapping;

import java.util.function.BiConsumer;

/**
 * Reads one logging framework's captured event on the consumer thread. Implementations are
 * stateless adapters; the appender decides on the application thread what the captured object
 * {@code S} is (the framework's own immutable event, or a cheap snapshot of a mutable one).
 *
 * @param <S> the captured object held in the ring buffer
 */
public interface LogEventReader<S> {
    /** The log event's timestamp in milliseconds since the epoch. */
    long timestampMillis(S event);

    /**
     * The name of the marker that references {@code MIXPANEL} (an event name such as {@code Signed Up},
     * or an operation marker's name), or {@code null} when there is none.
     */
    String markerName(S event);

    /** The message as written in the code, before its arguments are filled in. */
    String messageTemplate(S event);

    /** The formatted message. */
    String formattedMessage(S event);

    /** The MDC / ThreadContext entries. */
    void forEachContextEntry(S event, BiConsumer<String, Object> action);

    /** The structured key-value pairs: SLF4J key-value pairs, or a Log4j2 map message's fields. */
    void forEachKeyValue(S event, BiConsumer<String, Object> action);

    /** Properties carried by the marker itself; none by default. */
    default void forEachMarkerProperty(S event, BiConsumer<String, Object> action) {
    }

    String level(S event);

    String loggerName(S event);

    String threadName(S event);

    /** The logged exception's class name, or {@code null} when the event has none. */
    String exceptionClass(S event);

    /** The logged exception's message, or {@code null}. */
    String exceptionMessage(S event);
}
