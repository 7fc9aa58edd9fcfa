package dev.mixlog.benchmarks.frameworks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.logback.MixpanelAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link FrameworkControl} for Logback. Loaded only on the Logback classpath. */
final class LogbackControl implements FrameworkControl {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Override
    public MixlogStats mixlogStats() {
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender(AppenderCase.MIXLOG_APPENDER_NAME);
        return appender instanceof MixpanelAppender ? ((MixpanelAppender) appender).getStats() : null;
    }

    @Override
    public void stop() {
        context.stop();
    }
}
