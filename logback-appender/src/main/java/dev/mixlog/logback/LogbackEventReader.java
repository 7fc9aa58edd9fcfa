package dev.mixlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.mixlog.core.mapping.LogEventReader;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/** Reads a Logback event on Mixlog's consumer thread; Logback events are immutable once their MDC is pinned. */
final class LogbackEventReader implements LogEventReader<ILoggingEvent> {
    static final LogbackEventReader INSTANCE = new LogbackEventReader();

    /** Whether the event carries {@code MIXPANEL} or a marker referencing it. */
    static boolean isSelected(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        if (markers == null) {
            return false;
        }
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            if (marker != null && marker.contains(MixpanelMarkers.MIXPANEL_NAME)) {
                return true;
            }
        }
        return false;
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
            if (marker != null && !MixpanelMarkers.MIXPANEL_NAME.equals(marker.getName())
                    && marker.contains(MixpanelMarkers.MIXPANEL_NAME)) {
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
    }

    @Override
    public void forEachMarkerProperty(ILoggingEvent event, BiConsumer<String, Object> action) {
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker marker : markers) {
                if (marker instanceof EventMarker) {
                    ((EventMarker) marker).properties().forEach(action);
                }
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
