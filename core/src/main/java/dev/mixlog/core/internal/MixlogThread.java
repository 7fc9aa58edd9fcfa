package dev.mixlog.core.internal;

/**
 * A thread of Mixlog's own. Appenders ignore log events raised on these threads, so nothing that
 * Mixlog, Jackson or the HTTP client logs while delivering can feed back into the appender.
 */
public final class MixlogThread extends Thread {
    MixlogThread(Runnable task, String name) {
        super(task, name);
    }

    /** Whether the calling thread is one of Mixlog's. */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof MixlogThread;
    }
}
