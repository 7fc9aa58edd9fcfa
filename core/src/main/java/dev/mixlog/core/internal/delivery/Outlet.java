package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.http.Cancellation;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.http.Verdict;
import java.io.IOException;
import java.time.Duration;

/**
 * Where sealed batches leave a pipeline, on a sender thread: Mixpanel over HTTP, or what a
 * {@link DeliverySeam} puts in its place. Everything around it (retries, backoff, splitting, the
 * spool, counting) is {@link Delivery}'s and the same whatever the outlet.
 */
public interface Outlet extends AutoCloseable {
    /** Makes a batch ready to go, once: its retries send the same request. */
    Request prepare(Route route, Batch batch);

    /** The longest one {@link Request#send} may take before the senders cancel it. */
    Duration exchangeBound();

    /** Lets go of what the outlet keeps open (connections); a send under way ends by itself. */
    @Override
    void close();

    /** One batch made ready to go. */
    interface Request {
        /**
         * Sends the batch once and says what became of it.
         *
         * @param cancellation lets another thread end the send (past its bound, or a stop)
         * @throws IOException when the send failed or was cancelled: retried as a failed request
         */
        Verdict send(Cancellation cancellation) throws IOException;
    }
}
