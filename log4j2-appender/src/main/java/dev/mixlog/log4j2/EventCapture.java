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
    private final boolean level;
    private final boolean logger;
    private final boolean thread;
    private final boolean message;
    private final boolean exception;

    EventCapture(MixlogConfig config) {
        this.level = config.includeLevel();
        this.logger = config.includeLogger();
        this.thread = config.includeThread();
        this.message = config.includeMessage();
        this.exception = config.includeException();
    }

    /**
     * Copies what the configuration sends. {@code Message.getFormat()}, deprecated since 2.24, is
     * still the one way to read any message's template.
     */
    @SuppressWarnings("deprecation")
    EventSnapshot take(LogEvent event) {
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
}
