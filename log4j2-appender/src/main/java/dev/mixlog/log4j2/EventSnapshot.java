package dev.mixlog.log4j2;

import java.util.Map;

/**
 * What Mixlog needs of one Log4j event, copied on the logging thread: Log4j reuses its event and
 * message objects ({@code MutableLogEvent}, {@code RingBufferLogEvent}, reusable messages) once the
 * appender returns. Fields the configuration does not send are left {@code null}.
 */
final class EventSnapshot {
    final long timeMillis;
    final String markerName;
    final String messageTemplate;
    final String formattedMessage;
    /** Context data (ThreadContext): a frozen, shared map, or a copy as keys and values; see {@link Pairs#keep}. */
    final Object context;
    /** A map message's fields as keys and values, see {@link Pairs}. */
    final Object[] fields;
    final String level;
    final String loggerName;
    final String threadName;
    final String exceptionClass;
    final String exceptionMessage;
    /** The properties the event's marker carries ({@link PropertiesMarker}); shared with the marker, not copied. */
    final Map<String, ?> markerProperties;

    EventSnapshot(long timeMillis, String markerName, String messageTemplate, String formattedMessage,
                  Object context, Object[] fields, String level, String loggerName, String threadName,
                  String exceptionClass, String exceptionMessage, Map<String, ?> markerProperties) {
        this.timeMillis = timeMillis;
        this.markerName = markerName;
        this.messageTemplate = messageTemplate;
        this.formattedMessage = formattedMessage;
        this.context = context;
        this.fields = fields;
        this.level = level;
        this.loggerName = loggerName;
        this.threadName = threadName;
        this.exceptionClass = exceptionClass;
        this.exceptionMessage = exceptionMessage;
        this.markerProperties = markerProperties;
    }

    /** What this snapshot keeps alive, roughly: only large events count against {@code maxBufferBytes}. */
    long estimatedBytes() {
        return 2L * (length(messageTemplate) + length(formattedMessage)) + Pairs.estimatedBytes(context)
                + Pairs.estimatedBytes(fields);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
