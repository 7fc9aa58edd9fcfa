package dev.mixlog.core.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A caller's request to deliver what is buffered now: every event claimed up to {@link #target()} is
 * to be taken, batched and handed to the senders; the consumer then completes {@link #handedOver()}
 * with the completions of the batches under way at that moment.
 */
final class FlushRequest {
    private final long target;
    private final CompletableFuture<List<CompletableFuture<Void>>> handedOver = new CompletableFuture<>();

    FlushRequest(long target) {
        this.target = target;
    }

    /** The ring sequence of the last event logged before the request. */
    long target() {
        return target;
    }

    CompletableFuture<List<CompletableFuture<Void>>> handedOver() {
        return handedOver;
    }
}
