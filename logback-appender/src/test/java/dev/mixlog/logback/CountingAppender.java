package dev.mixlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the records of {@link ForkedLogging#RENDERING_LOGGER} that reach Logback, and those logged on Mixlog's threads. */
public class CountingAppender extends AppenderBase<ILoggingEvent> {
    private final AtomicInteger rendering = new AtomicInteger();
    private final AtomicInteger onMixlogThreads = new AtomicInteger();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLoggerName().equals(ForkedLogging.RENDERING_LOGGER)) {
            rendering.incrementAndGet();
            if (event.getThreadName().startsWith("mixlog-")) {
                onMixlogThreads.incrementAndGet();
            }
        }
    }

    int renderingRecords() {
        return rendering.get();
    }

    int renderingRecordsOnMixlogThreads() {
        return onMixlogThreads.get();
    }
}
