package dev.mixlog.spring.boot;

import dev.mixlog.core.diag.MixlogStats;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.util.ClassUtils;

/** The logging backend the application runs on, found at run time: Logback, Log4j2, or neither. */
enum Backend {
    // each attachment is loaded only when its backend is present
    LOGBACK("Logback", () -> LogbackAttachment.INSTANCE),
    LOG4J2("Log4j2", () -> Log4j2Attachment.INSTANCE),
    NONE("no backend", () -> null);

    private static final boolean LOGBACK_PRESENT = present("ch.qos.logback.classic.LoggerContext");
    private static final boolean LOG4J2_PRESENT = present("org.apache.logging.log4j.core.LoggerContext");

    private final String displayName;
    private final Supplier<Attachment> attachment;

    Backend(String displayName, Supplier<Attachment> attachment) {
        this.displayName = displayName;
        this.attachment = attachment;
    }

    /** The backend SLF4J and Log4j's API log to now (Boot chooses Logback when both are present). */
    static Backend current() {
        if (LOGBACK_PRESENT && LogbackAttachment.inUse()) {
            return LOGBACK;
        }
        return LOG4J2_PRESENT && Log4j2Attachment.inUse() ? LOG4J2 : NONE;
    }

    /** The starter's appender on this backend; {@code null} for {@link #NONE}. */
    Attachment attachment() {
        return attachment.get();
    }

    String displayName() {
        return displayName;
    }

    /** Every running Mixpanel appender of the backend in use. */
    static List<Attachment.Running> running() {
        Attachment current = current().attachment();
        return current == null ? List.of() : current.running();
    }

    /** The counters of every running Mixpanel appender of the backend in use. */
    static List<MixlogStats> runningStats() {
        return running().stream().map(appender -> appender.stats).collect(Collectors.toList());
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, Backend.class.getClassLoader());
    }
}
