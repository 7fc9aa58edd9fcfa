package dev.mixlog.examples;

import dev.mixlog.core.diag.MixlogStats;
import java.util.List;

/**
 * One logging framework configured from the demo's own file, with its Mixpanel appender: where the
 * traffic is logged, the appender's counters, stopping (which delivers what is buffered) and the
 * warnings reported meanwhile.
 */
interface LoggingSetup {
    /** Where {@link ShopTraffic} logs its lines. */
    ShopLog shopLog();

    /** The Mixpanel appender's live counters, still readable after {@link #stop()}; {@code null} when it did not start. */
    MixlogStats appenderStats();

    /** Stops the logging context; the Mixpanel appender delivers what it holds before this returns. */
    void stop();

    /** Warnings and errors the framework and Mixlog reported since this setup began. */
    List<String> problems();
}
