package dev.mixlog.core.internal;

/** A core's JVM shutdown hook: a Mixlog thread that stops the core, removed again when the core stops first. */
public final class ShutdownHook {
    private final Thread thread;

    public ShutdownHook(String appenderName, Runnable stop) {
        this.thread = new DaemonThreads(appenderName, "shutdown").newThread(stop);
    }

    public void register() {
        Runtime.getRuntime().addShutdownHook(thread);
    }

    /** Removes the hook, unless it is what runs now or the JVM is already exiting (it will find the core stopped). */
    public void remove() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shutdownInProgress) {
            // the JVM is exiting; the hook will find the core stopped
        }
    }
}
