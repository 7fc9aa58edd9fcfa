package dev.mixlog.test;

import java.util.ArrayList;
import java.util.List;

/**
 * The logging frameworks on the class path, each reached only through its own class so that the
 * other may be absent: started so that the appenders of their test configurations run, and given a
 * Mixlog appender when none is configured.
 */
final class Frameworks {
    private Frameworks() {
    }

    /** Starts Logback (through SLF4J) and Log4j2 when present, as a first log call would. */
    static void initialize() {
        if (logbackOnClassPath()) {
            LogbackAppenders.initialize();
        }
        if (log4j2OnClassPath()) {
            Log4j2Appenders.initialize();
        }
    }

    /**
     * For failure messages: each framework in use whose root logger is above INFO, and what that does
     * to events logged through SLF4J's fluent API, which no filter can let through.
     */
    static List<String> levelNotes() {
        List<String> notes = new ArrayList<>();
        if (logbackOnClassPath() && LogbackAppenders.inUse()) {
            LogbackAppenders.rootAboveInfo().ifPresent(level -> notes.add(levelNote("Logback", level, "<root level=\"INFO\">")));
        }
        if (log4j2OnClassPath() && Log4j2Appenders.inUse()) {
            Log4j2Appenders.rootAboveInfo().ifPresent(level -> notes.add(levelNote("Log4j2", level,
                    "<Root level=\"info\"> in log4j2-test.xml (with no configuration, Log4j2's root is at ERROR)")));
        }
        return notes;
    }

    private static String levelNote(String framework, String level, String fix) {
        return framework + "'s root logger is at " + level + ": an INFO event logged through SLF4J's fluent API "
                + "(log.atInfo()...) reaches no appender, marked or not; set " + fix + " in the test's logging configuration "
                + "(marked events of the classic API, log.info(marker, ...), pass the levels, as in production)";
    }

    /** Attaches a Mixlog appender to the root logger of the framework in use: Logback behind SLF4J, else Log4j2. */
    static DefaultAppender attachDefaultAppender() {
        if (logbackOnClassPath() && LogbackAppenders.inUse()) {
            return LogbackAppenders.attach();
        }
        if (log4j2OnClassPath() && Log4j2Appenders.inUse()) {
            return Log4j2Appenders.attach();
        }
        throw new IllegalStateException("MixlogRecorder found no Mixlog appender to record, and can attach one only to "
                + "Logback (with dev.mixlog:mixlog-logback) or Log4j2 (with dev.mixlog:mixlog-log4j2): neither is in use");
    }

    /** SLF4J, Logback and Mixlog's Logback appender; checked before {@link LogbackAppenders} is loaded, which needs them. */
    private static boolean logbackOnClassPath() {
        return present("org.slf4j.LoggerFactory") && present("ch.qos.logback.classic.LoggerContext")
                && present("dev.mixlog.logback.MixpanelAppender");
    }

    /** Log4j2 and Mixlog's Log4j2 appender; checked before {@link Log4j2Appenders} is loaded, which needs them. */
    private static boolean log4j2OnClassPath() {
        return present("org.apache.logging.log4j.core.LoggerContext") && present("dev.mixlog.log4j2.MixpanelAppender");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Frameworks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
