package dev.mixlog.core.internal;

import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.RequestFormat;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import java.util.Locale;

/**
 * What a core says at start (where events go and how they are authenticated, or why nothing is
 * sent) and at stop (its counters, and loudly any events not delivered in time).
 */
public final class LifecycleReports {
    private LifecycleReports() {
    }

    public static void announce(MixlogConfig config, SafeStatus status) {
        boolean recording = DeliverySeam.replaced();
        Credentials credentials = Credentials.of(config);
        String topic = config.get(Settings.KAFKA_TOPIC);
        if (topic != null) {
            if (DeliverySeam.missingTransport(config) == null) {
                String servers = config.get(Settings.KAFKA_BOOTSTRAP_SERVERS);
                status.info("sending records to Kafka topic " + topic + (servers != null ? " at " + servers : "")
                        + (config.spoolDirectory() != null ? ", batches written ahead to spool " + config.spoolDirectory() : ""));
            }
            return;
        }
        if (credentials.missing().isPresent() && recording) {
            status.info("recording for a test: batches go to the test kit while it records");
            return;
        }
        if (credentials.missing().isPresent()) {
            status.warn("disabled, nothing is sent: " + credentials.missing().get()
                    + ". Events are counted as dropped (" + DropReason.DISABLED.description() + ").");
            return;
        }
        if (credentials.importAuth() == Credentials.ImportAuth.API_SECRET && config.endpoint() == Endpoint.IMPORT) {
            status.warn("apiSecret authentication is deprecated and retired by Mixpanel on 2027-03-03; "
                    + "use serviceAccountUsername, serviceAccountSecret and projectId");
        }
        boolean form = config.requestFormat() == RequestFormat.FORM;
        if (form && config.endpoint() == Endpoint.IMPORT) {
            status.warn("requestFormat=form applies to /track, /engage and /groups only: events go to /import, which "
                    + "takes JSON alone, and are sent as JSON");
        }
        long roomForBatches = (config.maxInFlight() + 1L) * config.maxBatchBytes();
        if (config.spoolDirectory() != null && config.spoolMaxBytes() < roomForBatches) {
            status.warn("spoolMaxBytes (" + config.spoolMaxBytes() + ") is below (maxInFlight + 1) x maxBatchBytes ("
                    + roomForBatches + "): while batches are under way a new one may not fit, and is then sent from memory");
        }
        if (recording) {
            status.info("recording for a test: batches go to the test kit while it records");
            return;
        }
        status.info("sending events to " + config.baseUrl() + " (" + config.endpoint().path() + ", "
                + credentials.importAuth().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " authentication"
                + (form ? ", form-encoded /track, /engage and /groups bodies" : "")
                + (config.spoolDirectory() != null ? ", batches written ahead to spool " + config.spoolDirectory() : "") + ")");
    }

    public static void stopped(MixlogConfig config, Counters stats, SafeStatus status) {
        long undelivered = stats.dropped(DropReason.SHUTDOWN);
        String summary = "stopped: " + stats;
        if (undelivered > 0) {
            status.warnLoudly(summary + "; " + undelivered + " events were not delivered before shutdownTimeout ("
                    + config.shutdownTimeout() + ")");
        } else {
            status.info(summary);
        }
    }
}
