package dev.mixlog.core;

import java.util.function.BiConsumer;

/**
 * What an appender tells the core about its framework's events: on the application thread, whether
 * an event is for Mixpanel and what of it goes into the ring; on the consumer thread, how to read
 * what was captured. {@link MixlogCore#append} calls the first four methods inside its guard, so an
 * exception or {@code Error} they throw drops the event (counted as invalid) and never reaches the
 * logging call.
 *
 * @param <E> the framework's log event
 * @param <S> what the ring holds: the event itself when it is immutable once its lazy parts are
 *            pinned, or a cheap snapshot of a mutable one
 */
public interface LogEventReader<E, S> {
    /** On the application thread: whether the event carries {@code MIXPANEL}, or a marker referencing it. */
    boolean isMarked(E event);

    /** On the application thread: whether the event is below WARN, and so dropped first when the ring is nearly full. */
    boolean isBelowWarn(E event);

    /**
     * On the application thread: what goes into the ring, with everything that may change after the
     * logging call returns (arguments' rendering, the thread's name, the MDC) copied or pinned.
     */
    S capture(E event);

    /** On the application thread: the captured object's estimated retained size, for {@code maxBufferBytes}. */
    long estimatedBytes(S captured);

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

    /**
     * The event's own {@code $insert_id}, for a source whose records carry one (or can derive one
     * that stays the same when a record is read again, as a Kafka record's position does); {@code null}
     * by default, and then the core makes a random one. A value Mixpanel would not take (more than 36
     * characters, or characters other than letters, digits and {@code -}) is replaced by one derived
     * from it, so that the same value always gives the same id.
     */
    default String insertId(S event) {
        return null;
    }

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
