package dev.mixlog.benchmarks.frameworks;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.core.diag.MixlogStats;
import java.lang.reflect.Method;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * {@link FrameworkControl} for Log4j2. Loaded only on the Log4j2 classpath. Mixlog's Log4j2 appender
 * is reached by reflection ({@code getStats()}), so this module needs no compile-time API of it.
 */
final class Log4j2Control implements FrameworkControl {
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    @Override
    public MixlogStats mixlogStats() {
        Appender appender = context.getConfiguration().getAppender(AppenderCase.MIXLOG_APPENDER_NAME);
        if (appender == null) {
            return null;
        }
        try {
            Method getStats = appender.getClass().getMethod("getStats");
            Object stats = getStats.invoke(appender);
            return stats instanceof MixlogStats ? (MixlogStats) stats : null;
        } catch (ReflectiveOperationException noStats) {
            return null;
        }
    }

    @Override
    public void stop() {
        LogManager.shutdown(context);
    }
}
