package dev.mixlog.spring.boot;

import dev.mixlog.core.diag.MixlogStats;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.ClassUtils;

/** The logging backend the application runs on, found at run time: Logback, Log4j2, or neither. */
enum Backend {
    LOGBACK, LOG4J2, NONE;

    private static final boolean LOGBACK_PRESENT = present("ch.qos.logback.classic.LoggerContext");
    private static final boolean LOG4J2_PRESENT = present("org.apache.logging.log4j.core.LoggerContext");

    /** The backend SLF4J and Log4j's API log to now (Boot chooses Logback when both are present). */
    static Backend current() {
        if (LOGBACK_PRESENT && LogbackAttachment.inUse()) {
            return LOGBACK;
        }
        return LOG4J2_PRESENT && Log4j2Attachment.inUse() ? LOG4J2 : NONE;
    }

    /** The counters of every running Mixpanel appender of the backend, declared or attached by the starter. */
    static List<MixlogStats> runningStats() {
        List<MixlogStats> stats = new ArrayList<>();
        switch (current()) {
            case LOGBACK:
                LogbackAttachment.mixpanelAppenders().stream().filter(a -> a.isStarted()).forEach(a -> stats.add(a.getStats()));
                break;
            case LOG4J2:
                Log4j2Attachment.mixpanelAppenders().stream().filter(a -> a.isStarted()).forEach(a -> stats.add(a.getStats()));
                break;
            default:
                break;
        }
        return stats;
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, Backend.class.getClassLoader());
    }
}
