package dev.mixlog.log4j2;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.delivery.DaemonThreads;
import java.util.concurrent.TimeUnit;

/**
 * Stops a core within the time Log4j allows. The core itself delivers what is buffered within
 * {@code shutdownTimeout}; when Log4j passes a positive timeout that is shorter, the stop runs on a
 * Mixlog thread and the caller waits no longer than that timeout.
 */
final class BoundedStop {
    private BoundedStop() {
    }

    /** Returns false when the core was still stopping as the timeout ran out. */
    static boolean stop(MixlogCore<?> core, long timeout, TimeUnit unit) {
        long allowedNanos = timeout > 0 && unit != null ? unit.toNanos(timeout) : 0;
        if (allowedNanos <= 0 || allowedNanos >= core.config().shutdownTimeout().toNanos()) {
            core.stop();
            return true;
        }
        Thread stopper = new DaemonThreads(core.config().name(), "stop").newThread(core::stop);
        stopper.start();
        try {
            TimeUnit.NANOSECONDS.timedJoin(stopper, allowedNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !stopper.isAlive();
    }
}
