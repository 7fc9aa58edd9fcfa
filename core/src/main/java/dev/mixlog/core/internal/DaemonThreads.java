package dev.mixlog.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes Mixlog's threads ({@link MixlogThread}s: daemon, named {@code mixlog-<appender>-<role>-<n>}).
 * Their context class loader is Mixlog's own, not that of whichever application thread started
 * them, so that no thread of Mixlog's keeps a redeployed web application's class loader alive.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    public DaemonThreads(String appenderName, String role) {
        this.prefix = "mixlog-" + appenderName + "-" + role + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new MixlogThread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(DaemonThreads.class.getClassLoader());
        return thread;
    }
}
