package dev.mixlog.benchmarks.frameworks;

import dev.mixlog.core.diag.MixlogStats;

/** What the harness needs from the running logging framework beyond the SLF4J API. */
public interface FrameworkControl {
    /** The counters of the configured Mixlog appender, or {@code null} when the case has none. */
    MixlogStats mixlogStats();

    /** Stops the framework and its appenders, which delivers what they buffered. */
    void stop();
}
