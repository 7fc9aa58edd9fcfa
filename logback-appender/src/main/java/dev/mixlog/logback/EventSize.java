package dev.mixlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.mixlog.core.internal.capture.RetainedSize;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * A cheap estimate of what a Logback event keeps alive while it waits in the ring: its template,
 * arguments and key-value values, each by {@link RetainedSize} (the MDC map is shared between events,
 * so it is not counted). Only large events count against {@code maxBufferBytes}, so precision matters little.
 */
final class EventSize {
    private EventSize() {
    }

    static long estimate(ILoggingEvent event) {
        String template = event.getMessage();
        long bytes = template == null ? 0 : 2L * template.length();
        Object[] arguments = event.getArgumentArray();
        if (arguments != null) {
            for (Object argument : arguments) {
                bytes += RetainedSize.of(argument);
            }
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (int i = 0; i < pairs.size(); i++) {
                KeyValuePair pair = pairs.get(i);
                bytes += pair == null ? 0 : RetainedSize.of(pair.value);
            }
        }
        return bytes;
    }
}
