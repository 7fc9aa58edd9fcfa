package dev.mixlog.kafka.connect;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed: those of a point taken at an earlier commit, once the flush that
 * began with it has settled every record handed to the core before it. A flush runs on a thread of
 * its own, so a commit never waits for a busy core (a rate limit, a slow Mixpanel) past
 * {@code commitWait}, and offsets still move on while the core stays busy: the next commit takes
 * the point the last settled flush made good.
 */
final class CommitPoints implements AutoCloseable {
    private final ExecutorService flusher;
    private final Duration wait;
    /** The point being made good, and the flush doing it; {@code null} between points. */
    private Map<TopicPartition, OffsetAndMetadata> point;
    private Future<Boolean> flush;

    CommitPoints(String name, Duration wait) {
        this.wait = wait;
        this.flusher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mixlog-" + name + "-commit");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The offsets to commit now (none when no point is settled yet), and a new point taken from
     * {@code committable} once the last one is done with.
     *
     * @param flush delivers what the core holds; true once all of it is settled
     */
    Map<TopicPartition, OffsetAndMetadata> next(Map<TopicPartition, OffsetAndMetadata> committable, BooleanSupplier flush) {
        Map<TopicPartition, OffsetAndMetadata> settled = Map.of();
        if (this.flush != null) {
            // a point from an earlier commit: committed once its flush is done
            Boolean done = awaitFlush();
            if (done == null) {
                return settled;
            }
            settled = done ? point : settled;
        }
        point = new HashMap<>(committable);
        this.flush = flusher.submit(flush::getAsBoolean);
        if (settled.isEmpty()) {
            // nothing from before: a quiet core settles this point at once
            Boolean done = awaitFlush();
            settled = Boolean.TRUE.equals(done) ? point : settled;
        }
        return settled;
    }

    /** The flush's result within the wait (the flush then done with); {@code null} while it runs on. */
    private Boolean awaitFlush() {
        try {
            boolean done = flush.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            flush = null;
            return done;
        } catch (TimeoutException stillBusy) {
            return null;
        } catch (ExecutionException failed) {
            flush = null;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The partitions taken from the task: the point keeps none of their offsets. */
    void forget(Collection<TopicPartition> partitions) {
        if (point != null) {
            point.keySet().removeAll(partitions);
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }
}
