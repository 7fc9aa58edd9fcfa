package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.http.Verdict;
import java.time.Duration;

/**
 * A pipeline's outlet as the {@link DeliverySeam} decides it, batch by batch: the installed
 * replacement when there is one, the network otherwise; for a core without credentials (no network),
 * nothing: its batch is not taken.
 */
final class SeamOutlet implements Outlet {
    /** The bound of a batch's hand-over to a replacement, which has no network to wait on. */
    private static final Duration HAND_OVER_BOUND = Duration.ofMinutes(1);
    /** Mixpanel over HTTP; {@code null} for a core without credentials. */
    private final Outlet network;

    SeamOutlet(Outlet network) {
        this.network = network;
    }

    @Override
    public Request prepare(Route route, Batch batch) {
        DeliverySeam.Replacement replacement = DeliverySeam.replacement();
        if (replacement != null) {
            return cancellation -> {
                replacement.take(route.name(), batch.body(), batch.tags());
                return Verdict.delivered();
            };
        }
        if (network == null) {
            // a core without credentials delivered to a replacement that has gone meanwhile: nothing may go out
            return cancellation -> Verdict.notTaken();
        }
        return network.prepare(route, batch);
    }

    @Override
    public Duration exchangeBound() {
        return network != null ? network.exchangeBound() : HAND_OVER_BOUND;
    }

    @Override
    public void close() {
        if (network != null) {
            network.close();
        }
    }
}
