package dev.mixlog.spring.boot;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The starter's Mixpanel appender on one logging backend's root logger: what the listener, the meters, health and flush need. */
interface Attachment {
    /** The name of a Mixpanel appender the logging configuration declares, or {@code null}. */
    String declared();

    /** Whether the starter's appender is attached to the current configuration. */
    boolean attached();

    /** Whether the starter's appender was made with these settings. */
    boolean attachedWith(SpringSettings settings);

    /** Stops the starter's appender and takes it off the root logger. */
    void detach();

    /** Attaches a new appender with these settings; returns whether it started. */
    boolean attach(SpringSettings settings);

    /** Whether an appender of this name is the one a test recorder attached, not one the configuration declares. */
    static boolean standIn(String appenderName) {
        return DeliverySeam.STAND_IN_APPENDER_NAME.equals(appenderName);
    }

    /** Every running Mixpanel appender of the backend, declared or attached by the starter. */
    List<Running> running();

    /** One running appender: its counters, and how to flush it. */
    final class Running {
        final MixlogStats stats;
        final Predicate<Duration> flush;

        Running(MixlogStats stats, Predicate<Duration> flush) {
            this.stats = stats;
            this.flush = flush;
        }
    }
}
