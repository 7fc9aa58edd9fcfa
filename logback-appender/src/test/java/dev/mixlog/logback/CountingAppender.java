package dev.mixlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the JDK's own log records that reach Logback, and those logged on an HTTP client's selector thread. */
public class CountingAppender extends AppenderBase<ILoggingEvent> {
    private final AtomicInteger jdk = new AtomicInteger();
    private final AtomicInteger selector = new AtomicInteger();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLoggerName().startsWith("jdk.")) {
            jdk.incrementAndGet();
            if (event.getThreadName().endsWith("-SelectorManager")) {
                selector.incrementAndGet();
            }
        }
    }

    int jdkRecords() {
        return jdk.get();
    }

    int selectorThreadRecords() {
        return selector.get();
    }
}
