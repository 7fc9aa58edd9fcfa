package dev.mixlog.log4j2;

import dev.mixlog.core.StatusSink;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Routes the core's messages to Log4j2's StatusLogger, never to the logging API. */
final class StatusLoggerSink implements StatusSink {
    static final StatusLoggerSink INSTANCE = new StatusLoggerSink();
    private static final StatusLogger STATUS = StatusLogger.getLogger();
    /** Log4j2's JMX listener (on by default before 2.24) takes warnings without showing them anywhere. */
    private static final String JMX_LISTENER = "org.apache.logging.log4j.core.jmx.StatusLoggerAdmin";

    private StatusLoggerSink() {
    }

    @Override
    public void info(String message) {
        STATUS.info("{}", message);
    }

    @Override
    public void warn(String message) {
        STATUS.warn("{}", message);
    }

    @Override
    public void error(String message) {
        STATUS.error("{}", message);
    }

    /**
     * Whether a warning reaches the console: through a listener that prints at WARN or finer (the
     * {@code status} attribute's, before Log4j2 2.24), else through the StatusLogger's own output, whose
     * level the {@code status} attribute sets from 2.24 on. By default neither shows warnings.
     */
    @Override
    public boolean showsWarnings() {
        boolean printingListener = false;
        for (StatusListener listener : STATUS.getListeners()) {
            if (!JMX_LISTENER.equals(listener.getClass().getName())) {
                printingListener = true;
                if (listener.getStatusLevel().isLessSpecificThan(Level.WARN)) {
                    return true;
                }
            }
        }
        return !printingListener && STATUS.getLevel().isLessSpecificThan(Level.WARN);
    }
}
