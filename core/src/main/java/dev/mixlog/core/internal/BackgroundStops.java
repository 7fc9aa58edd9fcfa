package dev.mixlog.core.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stops that run on a thread of their own (a reconfiguration must not wait for delivery), so that
 * the framework's final stop can wait for all of them. One set per class loader that loaded Mixlog.
 */
public final class BackgroundStops {
    private static final Set<CompletableFuture<Boolean>> RUNNING = ConcurrentHashMap.newKeySet();

    private BackgroundStops() {
    }

    /**
     * Runs {@code stop} on a new Mixlog thread after {@code delay}, and keeps {@code stopped} among the
     * running stops until it completes. Runs it on the calling thread when no thread can be made.
     */
    public static void start(String appenderName, Duration delay, Runnable stop, CompletableFuture<Boolean> stopped) {
        RUNNING.add(stopped);
        stopped.whenComplete((settled, failure) -> RUNNING.remove(stopped));
        Runnable later = () -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.run();
        };
        try {
            new DaemonThreads(appenderName, "stop").newThread(later).start();
        } catch (Throwable noThread) {
            stop.run();
        }
    }

    /** Waits until every running stop has ended, up to the timeout; returns whether they all ended in time. */
    public static boolean awaitAll(Duration timeout) {
        CompletableFuture<Void> all = CompletableFuture.allOf(RUNNING.toArray(new CompletableFuture<?>[0]));
        return all.isDone() || Waiting.resultWithin(all.thenApply(done -> Boolean.TRUE), timeout.toNanos()) != null;
    }
}
