package dev.mixlog.opentelemetry;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.MixlogStats;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An OpenTelemetry {@link LogRecordExporter} that sends log records to Mixpanel through Mixlog's
 * delivery: each record that names an event becomes a Mixpanel event, handed to a Mixlog core (ring,
 * batching, retries, rate control, spool) without waiting on the network. Made by
 * {@link MixpanelLogRecordExporterProvider} for {@code otel.logs.exporter=mixpanel}, or directly.
 */
public final class MixpanelLogRecordExporter implements LogRecordExporter {
    private static final Logger LOG = Logger.getLogger(MixpanelLogRecordExporter.class.getName());

    private final MixlogConfig config;
    private final MixlogCore<LogRecordData, LogRecordData> core;

    private MixpanelLogRecordExporter(MixlogConfig config, Set<String> resourceAttributes) {
        this.config = config;
        // the core's status lines go to java.util.logging, as the SDK's own do
        StatusSink status = StatusSink.of(LOG::info, LOG::warning, message -> LOG.log(Level.SEVERE, message));
        this.core = MixlogCore.start(config, new OtelLogEventReader(config.distinctIdKey(), resourceAttributes), status);
    }

    /**
     * An exporter of this configuration (set {@code shutdownHook=false}: the SDK stops its exporters),
     * adding the named resource attributes ({@code service.name}) to every event.
     */
    public static MixpanelLogRecordExporter create(MixlogConfig config, Set<String> resourceAttributes) {
        return new MixpanelLogRecordExporter(config, Set.copyOf(resourceAttributes));
    }

    /** Hands the records to the core; never waits on the network and never fails the batch. */
    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
        for (LogRecordData log : logs) {
            core.append(log);
        }
        return CompletableResultCode.ofSuccess();
    }

    /** Delivers what the core holds, within {@code shutdownTimeout}. */
    @Override
    public CompletableResultCode flush() {
        return core.flush(config.shutdownTimeout()) ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    }

    /** Stops the core, delivering what it holds within {@code shutdownTimeout}. */
    @Override
    public CompletableResultCode shutdown() {
        return core.stop(config.shutdownTimeout()) ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    }

    /** The exporter's counters: delivered, dropped by reason, retried, the send rate. */
    public MixlogStats stats() {
        return core.stats();
    }

    @Override
    public String toString() {
        return "MixpanelLogRecordExporter[" + config.name() + "]";
    }
}
