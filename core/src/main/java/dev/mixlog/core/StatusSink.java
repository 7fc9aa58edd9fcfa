package dev.mixlog.core;

import java.util.function.Consumer;

/**
 * The logging framework's own status channel (Logback's status manager, Log4j2's StatusLogger),
 * through which a core reports what it does and what goes wrong. The core never reports through the
 * logging API, which would feed the appender its own messages. Messages never hold a credential.
 */
public interface StatusSink {
    void info(String message);

    void warn(String message);

    void error(String message);

    /**
     * Whether a warning sent now reaches a person: some listener prints or keeps it. When not (no
     * status listener registered, a level that hides warnings, a framework already torn down), the
     * losses reported at stop are printed on standard error instead.
     */
    default boolean showsWarnings() {
        return true;
    }

    /** A sink that hands each level's messages to a logger of the host's own ({@code StatusSink.of(log::info, log::warn, log::error)}). */
    static StatusSink of(Consumer<String> info, Consumer<String> warn, Consumer<String> error) {
        return new StatusSink() {
            @Override
            public void info(String message) {
                info.accept(message);
            }

            @Override
            public void warn(String message) {
                warn.accept(message);
            }

            @Override
            public void error(String message) {
                error.accept(message);
            }
        };
    }
}
