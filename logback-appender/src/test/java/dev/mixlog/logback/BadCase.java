package dev.mixlog.logback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/** One generated logging call with bad input, and whether its event can be made valid for Mixpanel. */
final class BadCase {
    /** The MDC key carrying the case's index: MDC entries come first among properties, so it always arrives. */
    static final String CASE_KEY = "case";

    final int index;
    final Marker marker;
    final String template;
    final Level level;
    final List<Object[]> pairs = new ArrayList<>();
    final Map<String, String> mdc = new LinkedHashMap<>();
    final List<Object> arguments = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    Throwable cause;
    boolean expectValid = true;

    BadCase(int index, Marker marker, String template, Level level) {
        this.index = index;
        this.marker = marker;
        this.template = template;
        this.level = level;
    }

    /** Makes the logging call; whatever the input, it must return normally. */
    void log(Logger log) {
        MDC.put(CASE_KEY, String.valueOf(index));
        mdc.forEach(MDC::put);
        try {
            LoggingEventBuilder event = log.atLevel(level).addMarker(marker);
            for (Object[] pair : pairs) {
                event = event.addKeyValue((String) pair[0], pair[1]);
            }
            if (cause != null) {
                event = event.setCause(cause);
            }
            event.log(template, arguments.toArray());
        } finally {
            MDC.clear();
        }
    }

    @Override
    public String toString() {
        return "case " + index + " " + kinds;
    }
}
