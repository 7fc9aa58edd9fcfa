package dev.mixlog.spring.boot;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Mixlog's counters as Micrometer meters under {@code mixlog.}, read from the running Mixpanel
 * appenders each time they are published (summed when there are several): events delivered, dropped
 * by reason, captured; requests, retries and bytes sent; the ring backlog.
 */
final class MixlogMeters implements MeterBinder {
    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "mixlog.events.delivered", "Events Mixpanel accepted", MixlogStats::delivered);
        counter(registry, "mixlog.events.captured", "Events taken from the ring by the consumer", MixlogStats::captured);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("mixlog.events.dropped", this, meters -> sum(stats -> stats.dropped(reason)))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("Events dropped: " + reason.description()).register(registry);
        }
        counter(registry, "mixlog.requests", "HTTP requests made to Mixpanel", MixlogStats::requests);
        counter(registry, "mixlog.retries", "Requests sent again after a retryable failure", MixlogStats::retried);
        FunctionCounter.builder("mixlog.bytes.sent", this, meters -> sum(MixlogStats::bytesSent)).baseUnit("bytes")
                .description("Request body bytes sent (after compression)").register(registry);
        Gauge.builder("mixlog.ring.backlog", this, meters -> sum(MixlogStats::ringBacklog))
                .description("Events waiting in the ring buffer").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToLongFunction<MixlogStats> count) {
        FunctionCounter.builder(name, this, meters -> sum(count)).description(description).register(registry);
    }

    private static double sum(ToLongFunction<MixlogStats> count) {
        return Backend.runningStats().stream().mapToLong(count).sum();
    }
}
