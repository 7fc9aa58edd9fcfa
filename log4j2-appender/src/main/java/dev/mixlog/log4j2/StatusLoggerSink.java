package dev.mixlog.log4j2;

import dev.mixlog.core.MixlogCore.StatusSink;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.status.StatusLogger;

/** Routes the core's messages to Log4j2's StatusLogger, never to the logging API. */
final class StatusLoggerSink implements StatusSink {
    static final StatusLoggerSink INSTANCE = new StatusLoggerSink();
    private static final Logger STATUS = StatusLogger.getLogger();

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

    /** Log4j2's StatusLogger shows errors only unless the configuration says {@code status="warn"} or lower. */
    @Override
    public boolean showsWarnings() {
        return STATUS.isWarnEnabled();
    }
}
