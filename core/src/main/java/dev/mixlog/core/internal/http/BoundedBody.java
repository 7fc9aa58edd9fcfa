package dev.mixlog.core.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a reply body as text, keeping at most {@code limit} bytes. Past the limit it cancels the
 * subscription, which makes the JDK client close the connection instead of reading the rest or
 * keeping it for reuse: a huge or endless reply costs {@code limit} bytes of memory, not its size.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {
    /** Mixpanel's replies are short: most fit the first buffer, which grows up to the limit when one does not. */
    private static final int FIRST_BUFFER_BYTES = 512;

    private final CompletableFuture<String> text = new CompletableFuture<>();
    private final int limit;
    private byte[] kept;
    private int size;
    private Flow.Subscription subscription;

    private BoundedBody(int limit) {
        this.limit = limit;
        this.kept = new byte[Math.min(limit, FIRST_BUFFER_BYTES)];
    }

    /** A handler whose bodies keep at most {@code limit} bytes. */
    static HttpResponse.BodyHandler<String> handler(int limit) {
        return response -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<String> getBody() {
        return text;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int taken = Math.min(limit - size, buffer.remaining());
            if (size + taken > kept.length) {
                kept = Arrays.copyOf(kept, Math.min(limit, Math.max(size + taken, 2 * kept.length)));
            }
            buffer.get(kept, size, taken);
            size += taken;
            if (buffer.hasRemaining()) {
                subscription.cancel();
                complete();
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        text.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        complete();
    }

    private void complete() {
        text.complete(new String(kept, 0, size, StandardCharsets.UTF_8));
    }
}
