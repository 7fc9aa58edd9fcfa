package dev.mixlog.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import dev.mixlog.core.MixlogCore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the final stop of a Logback context wait for the background deliveries of its stopped
 * Mixpanel appenders. Logback stops appenders the same way on a reconfiguration ({@code reset()},
 * {@code scan="true"}) and on its final {@code stop()} (at JVM exit, on Spring Boot's shutdown); the
 * appender therefore always delivers in the background, which never holds a reconfiguring thread,
 * and this listener, one per context and kept across resets, holds the context's final stop until
 * those deliveries have ended (at most the longest {@code shutdownTimeout} among them).
 */
final class DrainOnContextStop implements LoggerContextListener {
    private final AtomicReference<Duration> bound = new AtomicReference<>(Duration.ZERO);

    private DrainOnContextStop() {
    }

    /**
     * Registers the context's listener if it has none yet, and raises its bound to cover this
     * appender. Called on the thread that stops the appender, never while the context notifies its listeners.
     */
    static void cover(LoggerContext context, Duration shutdownTimeout) {
        DrainOnContextStop listener = null;
        for (LoggerContextListener existing : context.getCopyOfListenerList()) {
            if (existing instanceof DrainOnContextStop) {
                listener = (DrainOnContextStop) existing;
            }
        }
        if (listener == null) {
            listener = new DrainOnContextStop();
            context.addListener(listener);
        }
        Duration covering = shutdownTimeout.plusSeconds(1);
        listener.bound.accumulateAndGet(covering, (current, offered) -> offered.compareTo(current) > 0 ? offered : current);
    }

    @Override
    public void onStop(LoggerContext context) {
        MixlogCore.awaitBackgroundStops(bound.get());
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext context) {
    }

    @Override
    public void onReset(LoggerContext context) {
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }
}
