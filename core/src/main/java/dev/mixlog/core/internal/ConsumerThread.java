package dev.mixlog.core.internal;

import dev.mixlog.core.StatusSink;
import dev.mixlog.core.internal.capture.Intake;
import dev.mixlog.core.internal.diag.SafeStatus;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The thread that runs the consumer loop, watched: should it ever end before the loop is done (a
 * failure the loop could not catch), the next {@link #checkAlive()} reports it at ERROR and starts a
 * new thread on the same loop, so what the ring holds is consumed again. Restarts are at most one a
 * second; meanwhile the ring fills and further events are counted as ring full.
 */
final class ConsumerThread {
    private static final long RESTART_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Runnable loop;
    private final ThreadFactory threads;
    private final Intake<?> intake;
    private final StatusSink status;
    private volatile Thread thread;
    /** Set when the thread ended without the loop returning; read on every capture, so kept to one volatile field. */
    private volatile boolean died;
    private volatile Throwable cause;
    private volatile long lastStartNanos;

    ConsumerThread(Runnable loop, ThreadFactory threads, Intake<?> intake, StatusSink status) {
        this.loop = loop;
        this.threads = threads;
        this.intake = intake;
        this.status = status;
    }

    /** Starts the first thread. */
    synchronized void start() {
        launch();
    }

    /** Cheap when the thread is alive; otherwise restarts it (rate-limited). Never throws. */
    void checkAlive() {
        if (died && System.nanoTime() - lastStartNanos >= RESTART_PAUSE_NANOS) {
            restart();
        }
    }

    /**
     * Waits for the loop to end until {@code interruptAt}, then interrupts the thread and waits until
     * {@code giveUpAt}. A thread that died is restarted first, so the loop can still drain and flush.
     *
     * @return whether the loop ended; false when the thread still runs (see {@link #abandon})
     */
    boolean join(long interruptAt, long giveUpAt) {
        if (died) {
            lastStartNanos = System.nanoTime() - RESTART_PAUSE_NANOS;
            restart();
        }
        Thread current = thread;
        try {
            current.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(interruptAt - System.nanoTime())));
            if (current.isAlive()) {
                current.interrupt();
                current.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            current.interrupt();
            Thread.currentThread().interrupt();
        }
        return !current.isAlive();
    }

    /**
     * Leaves a thread that did not end at stop to itself: it is stuck in a call that does not return
     * (a logged value's {@code toString()}), and nothing can end it. It is named as abandoned and
     * interrupted, its context class loader cleared; it still holds what its stuck call holds (the
     * value, and so that value's class loader) until the call returns, and then ends without counting
     * or sending anything. Reported at ERROR with where it is stuck and the events counted for it.
     */
    void abandon(String whereStuck, long eventsCounted) {
        Thread current = thread;
        try {
            current.setName(current.getName() + " (abandoned)");
            current.setContextClassLoader(null);
            current.interrupt();
        } catch (RuntimeException notAllowed) {
            // a security manager may refuse; the thread is abandoned all the same
        }
        status.error("the consumer thread did not end within shutdownTimeout: it is stuck " + whereStuck + " and is abandoned; "
                + eventsCounted + " events not yet sent are counted as not delivered before shutdown. The thread ends, "
                + "counting and sending nothing, if that call returns");
    }

    private synchronized void restart() {
        if (!died || System.nanoTime() - lastStartNanos < RESTART_PAUSE_NANOS) {
            return;
        }
        Throwable why = cause;
        try {
            status.error("the consumer thread ended unexpectedly"
                    + (why == null ? "" : " (" + SafeStatus.describe(why) + ")") + "; starting a new one");
            died = false;
            launch();
        } catch (Throwable failed) {
            died = true;
            status.error("could not start a new consumer thread (" + SafeStatus.describe(failed)
                    + "); events wait in the ring buffer and are counted as dropped once it is full");
        }
    }

    private void launch() {
        lastStartNanos = System.nanoTime();
        Thread next = threads.newThread(this::runLoop);
        intake.consumer(next);
        thread = next;
        next.start();
    }

    private void runLoop() {
        boolean returned = false;
        try {
            loop.run();
            returned = true;
        } catch (Throwable escaped) {
            cause = escaped;
        } finally {
            if (!returned) {
                died = true;
            }
        }
    }
}
