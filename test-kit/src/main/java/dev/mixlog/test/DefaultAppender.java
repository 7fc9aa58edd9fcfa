package dev.mixlog.test;

import dev.mixlog.core.internal.delivery.DeliverySeam;

/** A Mixlog appender the recorder attached to a framework's root logger, with default settings, for the time it is active. */
interface DefaultAppender {
    /** The name it is attached under. */
    String NAME = DeliverySeam.STAND_IN_APPENDER_NAME;

    /** Takes it off the root logger and stops it. */
    void detach();

    /** Whether it still runs on the root logger (a framework started anew has dropped it). */
    boolean isRunning();
}
