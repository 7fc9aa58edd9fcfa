package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.mixlog.core.EventProperty;
import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.MarkerNames;
import dev.mixlog.core.config.MixlogConfig;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Reads Logback events for the core. A Logback event is immutable once what it computes lazily is
 * pinned on the logging thread (the MDC, and the thread name and formatted message when they are
 * sent), so the event itself goes into the ring.
 */
final class LogbackEventReader implements LogEventReader<ILoggingEvent, ILoggingEvent> {
    private final boolean pinThreadName;
    private final boolean pinMessage;
    private final StructuredArguments structuredArguments;

    LogbackEventReader(MixlogConfig config) {
        this.pinThreadName = config.includeThread();
        this.pinMessage = config.includeMessage();
        this.structuredArguments = StructuredArguments.on(LogbackEventReader.class.getClassLoader());
    }

    /** Whether the event carries {@code MIXPANEL} or a marker referencing it. */
    @Override
    public boolean isMarked(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        if (markers == null) {
            return false;
        }
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            if (marker != null && marker.contains(MarkerNames.MIXPANEL)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isBelowWarn(ILoggingEvent event) {
        return event.getLevel().levelInt < Level.WARN_INT;
    }

    @Override
    public ILoggingEvent capture(ILoggingEvent event) {
        event.getMDCPropertyMap();
        if (pinThreadName) {
            event.getThreadName();
        }
        if (pinMessage) {
            // formatted now, as Logback's deferred processing requires: the arguments may change after the call
            event.getFormattedMessage();
        }
        return event;
    }

    @Override
    public long estimatedBytes(ILoggingEvent event) {
        return EventSize.estimate(event);
    }

    @Override
    public long timestampMillis(ILoggingEvent event) {
        return event.getTimeStamp();
    }

    @Override
    public String markerName(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        if (markers == null) {
            return null;
        }
        for (Marker marker : markers) {
            if (marker != null && !MarkerNames.MIXPANEL.equals(marker.getName())
                    && marker.contains(MarkerNames.MIXPANEL)) {
                return marker.getName();
            }
        }
        return null;
    }

    @Override
    public String messageTemplate(ILoggingEvent event) {
        return event.getMessage();
    }

    @Override
    public String formattedMessage(ILoggingEvent event) {
        return event.getFormattedMessage();
    }

    @Override
    public void forEachContextEntry(ILoggingEvent event, BiConsumer<String, Object> action) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach(action);
        }
    }

    @Override
    public void forEachKeyValue(ILoggingEvent event, BiConsumer<String, Object> action) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair != null) {
                    action.accept(pair.key, pair.value);
                }
            }
        }
        Object[] arguments = event.getArgumentArray();
        if (arguments != null) {
            for (Object argument : arguments) {
                if (argument instanceof EventProperty) {
                    action.accept(((EventProperty) argument).key(), ((EventProperty) argument).value());
                } else if (structuredArguments.isStructured(argument)) {
                    structuredArguments.forEachField(argument, action);
                }
            }
        }
    }

    @Override
    public void forEachMarkerProperty(ILoggingEvent event, BiConsumer<String, Object> action) {
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker marker : markers) {
                MixpanelMarkers.propertiesOf(marker).forEach(action);
            }
        }
    }

    @Override
    public String level(ILoggingEvent event) {
        return String.valueOf(event.getLevel());
    }

    @Override
    public String loggerName(ILoggingEvent event) {
        return event.getLoggerName();
    }

    @Override
    public String threadName(ILoggingEvent event) {
        return event.getThreadName();
    }

    @Override
    public String exceptionClass(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy == null ? null : proxy.getClassName();
    }

    @Override
    public String exceptionMessage(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy == null ? null : proxy.getMessage();
    }
}
