package dev.mixlog.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A status listener that logs each of the Mixpanel appender's status messages through Logback
 * itself, as a careless application might: on whatever thread reported it, Mixlog's own included.
 */
public class LoggingStatusListener extends ContextAwareBase implements StatusListener, LifeCycle {
    static final String LOGGER = "status.echo";

    private final AtomicInteger echoed = new AtomicInteger();
    private final AtomicInteger echoedOnMixlogThreads = new AtomicInteger();
    private volatile boolean started;

    @Override
    public void addStatusEvent(Status status) {
        String message = status.getMessage();
        if (message == null || !message.startsWith("Mixpanel appender")) {
            return;
        }
        echoed.incrementAndGet();
        if (Thread.currentThread().getName().startsWith("mixlog-")) {
            echoedOnMixlogThreads.incrementAndGet();
        }
        ((LoggerContext) getContext()).getLogger(LOGGER).warn("status: {}", message);
    }

    int echoed() {
        return echoed.get();
    }

    int echoedOnMixlogThreads() {
        return echoedOnMixlogThreads.get();
    }

    @Override public void start() { started = true; }
    @Override public void stop() { started = false; }
    @Override public boolean isStarted() { return started; }
}
