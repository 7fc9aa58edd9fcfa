package dev.mixlog.spring.boot;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Mixlog's counters as Micrometer meters under {@code mixlog.}, read from the Mixpanel appenders each
 * time they are published: events delivered, dropped by reason, captured; requests, retries and bytes
 * sent; the ring backlog; the spool's replayed and kept events, batch files and bytes. Counters sum every appender seen since the application started, those that
 * Boot's re-initializations of logging replaced included, so that they never go down.
 */
final class MixlogMeters implements MeterBinder {
    /** The counters of every appender seen; a stopped appender's counters stay readable and final. */
    private final Set<MixlogStats> seen = ConcurrentHashMap.newKeySet();

    static final String DROPPED_DESCRIPTION = "Events dropped, by reason (tag reason: " + Arrays.stream(DropReason.values())
            .map(reason -> reason.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")";

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "mixlog.events.delivered", "Events Mixpanel accepted", MixlogStats::delivered);
        counter(registry, "mixlog.events.captured", "Events taken from the ring by the consumer", MixlogStats::captured);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("mixlog.events.dropped", this, meters -> sum(stats -> stats.dropped(reason)))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    // one description for every reason: registries keep a single description per meter name
                    .description(DROPPED_DESCRIPTION).register(registry);
        }
        counter(registry, "mixlog.events.without.distinct.id", "Events sent without a distinct_id (anonymous): no value under "
                + "mixlog.distinct-id-key", MixlogStats::sentWithoutDistinctId);
        counter(registry, "mixlog.events.past.hot.shard.limit", "Events of a distinct_id or group id past "
                + "mixlog.hot-shard-limit that day (UTC): sent, or dropped with mixlog.hot-shard-drop", MixlogStats::pastHotShardLimit);
        counter(registry, "mixlog.requests", "HTTP requests made to Mixpanel", MixlogStats::requests);
        counter(registry, "mixlog.retries", "Requests sent again after a retryable failure", MixlogStats::retried);
        FunctionCounter.builder("mixlog.bytes.sent", this, meters -> sum(MixlogStats::bytesSent)).baseUnit("bytes")
                .description("Request body bytes sent (after compression)").register(registry);
        gauge(registry, "mixlog.ring.backlog", "Events waiting in the ring buffer", MixlogStats::ringBacklog);
        Gauge.builder("mixlog.send.rate", this, meters -> Backend.runningStats().stream().mapToDouble(MixlogStats::sendRate).sum())
                .baseUnit("events/s").description("Events sent per second lately").register(registry);
        Gauge.builder("mixlog.send.rate.limit", this,
                        meters -> Backend.runningStats().stream().mapToDouble(MixlogStats::sendRateLimit).sum())
                .baseUnit("events/s").description("The rate held to since Mixpanel asked to slow down (429, 502, 503); "
                        + "0 while unlimited").register(registry);
        FunctionCounter.builder("mixlog.rate.limited.time", this, meters -> sum(MixlogStats::rateLimitedMillis) / 1000.0)
                .baseUnit("seconds").description("Time spent under a rate limit").register(registry);
        counter(registry, "mixlog.spool.replayed", "Events found in the spool at start", MixlogStats::replayed);
        counter(registry, "mixlog.spool.kept", "Events left in the spool at stop for the next start", MixlogStats::keptInSpool);
        gauge(registry, "mixlog.spool.batches", "Batch files in the spool", MixlogStats::spooledBatches);
        Gauge.builder("mixlog.spool.size", this, meters -> running(MixlogStats::spooledBytes)).baseUnit("bytes")
                .description("Bytes of the spool's batch files").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<MixlogStats> value) {
        Gauge.builder(name, this, meters -> running(value)).description(description).register(registry);
    }

    private double running(ToLongFunction<MixlogStats> value) {
        return Backend.runningStats().stream().mapToLong(value).sum();
    }

    private void counter(MeterRegistry registry, String name, String description, ToLongFunction<MixlogStats> count) {
        FunctionCounter.builder(name, this, meters -> sum(count)).description(description).register(registry);
    }

    private double sum(ToLongFunction<MixlogStats> count) {
        seen.addAll(Backend.runningStats());
        return seen.stream().mapToLong(count).sum();
    }
}
