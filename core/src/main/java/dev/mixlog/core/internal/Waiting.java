package dev.mixlog.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on the stages of stopping and flushing: a result in time, or {@code null}, never an exception. */
public final class Waiting {
    private Waiting() {
    }

    /**
     * The future's result if it completes normally within the time; {@code null} when it does not, when
     * it fails, or when the waiting thread is interrupted (the interrupt is kept).
     */
    public static <T> T resultWithin(Future<T> future, long nanos) {
        try {
            return future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
