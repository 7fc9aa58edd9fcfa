package dev.mixlog.log4j2;

import dev.mixlog.core.config.MixlogConfig;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;

/**
 * Takes the {@link EventSnapshot} of a Log4j event on the logging thread, copying only what the
 * configuration sends: the message is formatted only when {@code includeMessage} is on.
 */
final class EventCapture {
    /** Where calls of SLF4J's fluent API enter Log4j2 through log4j-slf4j2-impl. */
    private static final String SLF4J_EVENT_BUILDER = "org.apache.logging.slf4j.Log4jEventBuilder";
    private final boolean level;
    private final boolean logger;
    private final boolean thread;
    private final boolean message;
    private final boolean exception;
    private final String appenderName;
    /** Whether the note on SLF4J key-value pairs over Log4j2 was given: once per appender. */
    private volatile boolean bridgeNoted;

    EventCapture(MixlogConfig config) {
        this.level = config.includeLevel();
        this.logger = config.includeLogger();
        this.thread = config.includeThread();
        this.message = config.includeMessage();
        this.exception = config.includeException();
        this.appenderName = config.name();
    }

    /**
     * Copies what the configuration sends. {@code Message.getFormat()}, deprecated since 2.24, is
     * still the one way to read any message's template.
     */
    @SuppressWarnings("deprecation")
    EventSnapshot take(LogEvent event) {
        if (!bridgeNoted && SLF4J_EVENT_BUILDER.equals(event.getLoggerFqcn()) && event.getContextData() != null
                && !event.getContextData().isEmpty()) {
            noteTheBridge();
        }
        String markerName = MarkerRules.eventName(event.getMarker());
        Message logged = event.getMessage();
        String template = markerName == null && logged != null ? logged.getFormat() : null;
        String formatted = message && logged != null ? logged.getFormattedMessage() : null;
        Object[] fields = logged instanceof MapMessage
                ? Pairs.copy(((MapMessage<?, ?>) logged).getIndexedReadOnlyStringMap())
                : logged == null ? Pairs.NONE : Pairs.ofProperties(logged.getParameters());
        Level eventLevel = level ? event.getLevel() : null;
        Throwable thrown = exception ? event.getThrown() : null;
        return new EventSnapshot(event.getTimeMillis(), markerName, template, formatted,
                Pairs.keep(event.getContextData()), fields,
                eventLevel == null ? null : eventLevel.name(),
                logger ? event.getLoggerName() : null,
                thread ? event.getThreadName() : null,
                thrown == null ? null : thrown.getClass().getName(),
                thrown == null ? null : thrown.getMessage(),
                event.getMarker() instanceof PropertiesMarker ? ((PropertiesMarker) event.getMarker()).properties() : Map.of());
    }

    /**
     * Log4j2's SLF4J binding passes a fluent call's key-value pairs as ThreadContext text for the call,
     * which cannot be told from the MDC: said once, at the first such call with any context entry.
     */
    private void noteTheBridge() {
        bridgeNoted = true;
        StatusLoggerSink.INSTANCE.warn("Mixpanel appender [" + appenderName + "]: SLF4J's fluent API runs over Log4j2 here "
                + "(log4j-slf4j2-impl), which passes key-value pairs (addKeyValue) as ThreadContext text: numbers and booleans "
                + "arrive as strings. For typed values pass MixpanelMarkers.property(key, value) arguments: "
                + "log.info(marker, \"...\", property(\"seats\", 7))");
    }
}
