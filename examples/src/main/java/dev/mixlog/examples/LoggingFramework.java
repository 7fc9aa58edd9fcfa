package dev.mixlog.examples;

import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The logging framework the demo logs through, chosen on the command line: {@code --logback} (the
 * default: SLF4J with Logback, {@code logback.xml}) or {@code --log4j2} (the Log4j2 API,
 * {@code log4j2-demo.xml}). Both log the same traffic to the same Mixpanel records.
 */
public enum LoggingFramework {
    /** SLF4J's fluent API and MDC, with Logback and {@code dev.mixlog.logback.MixpanelAppender}. */
    LOGBACK("Logback", "SLF4J and Logback (" + LogbackSetup.CONFIGURATION + ")", LogbackSetup::configure),
    /** The Log4j2 API's MapMessage and ThreadContext, with Log4j2 and its {@code <Mixpanel>} appender. */
    LOG4J2("Log4j2", "the Log4j2 API (" + Log4j2Setup.CONFIGURATION + ")", propertiesSetAt -> Log4j2Setup.configure());

    private final String displayName;
    private final String description;
    private final LongFunction<LoggingSetup> configure;

    LoggingFramework(String displayName, String description, LongFunction<LoggingSetup> configure) {
        this.displayName = displayName;
        this.description = description;
        this.configure = configure;
    }

    /**
     * The framework the command-line arguments name: none for Logback, or one flag.
     *
     * @throws IllegalArgumentException for anything else, with a usage line
     */
    public static LoggingFramework fromArguments(String... arguments) {
        if (arguments.length == 0) {
            return LOGBACK;
        }
        if (arguments.length == 1) {
            for (LoggingFramework framework : values()) {
                if (framework.flag().equals(arguments[0])) {
                    return framework;
                }
            }
        }
        throw new IllegalArgumentException("usage: DemoService [--logback | --log4j2] (got "
                + String.join(" ", arguments) + ")");
    }

    /** The command-line flag that chooses it: {@code --logback} or {@code --log4j2}. */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT);
    }

    /** The framework's name, such as {@code Log4j2}. */
    public String displayName() {
        return displayName;
    }

    /** The API and configuration file the demo logs through, in words. */
    public String description() {
        return description;
    }

    /** Configures the framework from the demo's file, reading the system properties set since {@code propertiesSetAt}. */
    LoggingSetup configure(long propertiesSetAt) {
        return configure.apply(propertiesSetAt);
    }
}
