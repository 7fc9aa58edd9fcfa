package dev.mixlog.core.internal;

/**
 * A thread of Mixlog's own. Appenders ignore log events raised on these threads, so nothing that
 * Mixlog, Jackson or the HTTP client logs while delivering can feed back into the appender. It
 * inherits no inheritable thread-local of the thread that started it (a request's context, a test's
 * scope): it outlives that thread's work, and must not keep what it refers to.
 */
public final class MixlogThread extends Thread {
    MixlogThread(Runnable task, String name) {
        super(null, task, name, 0, false);
    }

    /** Whether the calling thread is one of Mixlog's. */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof MixlogThread;
    }
}
