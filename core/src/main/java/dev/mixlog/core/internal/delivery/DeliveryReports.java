package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.config.ProxySetting;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.FailedRecord;
import dev.mixlog.core.internal.http.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * What the senders tell the framework's status channel about deliveries: failures and recovery
 * once per change, refusals with what to check, and refused records by name. Shared by all senders.
 */
final class DeliveryReports {
    private static final int FAILED_RECORDS_LISTED = 20;

    private final MixlogConfig config;
    private final SafeStatus status;
    private final Set<String> credentialsReported = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean proxyRefusalReported = new AtomicBoolean();

    private final Counters stats;
    /** Told of each record Mixpanel refused (its tag, and why); {@code null} when nobody listens. */
    private final BiConsumer<Object, String> refusals;
    private final AtomicBoolean refusalsFailed = new AtomicBoolean();

    DeliveryReports(MixlogConfig config, SafeStatus status, Counters stats, BiConsumer<Object, String> refusals) {
        this.config = config;
        this.status = status;
        this.stats = stats;
        this.refusals = refusals;
    }

    /** Tells the listener of refused records of one of them; whatever it throws is reported once, and goes no further. */
    private void tellRefused(Batch part, int index, String reason) {
        if (refusals == null) {
            return;
        }
        try {
            refusals.accept(part.tag(index), reason);
        } catch (Throwable e) {
            if (refusalsFailed.compareAndSet(false, true)) {
                status.error("the listener of refused records failed (reported once): " + SafeStatus.describe(e));
            }
        }
    }

    /** A request failed and is retried: said once, until {@link #recovered}. */
    void failing(Route route, String detail) {
        if (stats.recordFailing(status.withoutSecrets(route.name() + ": " + detail))) {
            status.warn("sending to " + route.name() + " failed (" + detail + "); retrying with backoff");
        }
    }

    void recovered(Route route) {
        if (stats.recordRecovered()) {
            status.info("sending to " + route.name() + " works again");
        }
    }

    void gaveUp(Route route, Batch part, String lastFailure) {
        stats.recordFailure(status.withoutSecrets(route.name() + ": gave up after maxRetryTime: " + lastFailure));
        status.warn("gave up on a batch of " + part.size() + " events to " + route.name() + " after "
                + config.maxRetryTime() + " of retries; last failure: " + lastFailure);
    }

    void tooLarge(Batch single, String detail) {
        status.warn("the server refused a single event '" + single.name(0) + "' as too large ("
                + detail + "); lower maxBatchBytes or send smaller events");
        tellRefused(single, 0, "too large for the server (" + detail + ")");
    }

    void refused(Route route, Batch part, String detail) {
        stats.recordFailure(status.withoutSecrets(route.name() + ": refused: " + detail));
        status.warn("Mixpanel refused a batch of " + part.size() + " events on " + route.name() + ": " + detail);
        for (int i = 0; i < part.size(); i++) {
            tellRefused(part, i, "Mixpanel refused its batch: " + detail);
        }
    }

    /** Credentials refused: said once per route, naming the settings to check. */
    void credentialsRefused(Route route, String detail) {
        stats.recordFailure(status.withoutSecrets(route.name() + ": credentials refused: " + detail));
        if (credentialsReported.add(route.name())) {
            status.error("Mixpanel refused the credentials on " + route.name() + " (" + detail + "); check "
                    + credentialsToCheck(route));
        }
    }

    /**
     * A proxy on the way answered 407: said once, with what to check; the batch is not retried (the
     * same credentials would be refused again).
     */
    void proxyRefused(Route route, String detail) {
        stats.recordFailure(status.withoutSecrets(route.name() + ": proxy authentication failed: " + detail));
        if (proxyRefusalReported.compareAndSet(false, true)) {
            ProxySetting proxy = ProxySetting.of(config.get(Settings.PROXY));
            String check;
            if (proxy.kind() == ProxySetting.Kind.NONE) {
                check = "with proxy=none, the 407 came from something on the way to " + config.baseUrl()
                        + " (a transparent proxy or a gateway): give its address and credentials in the proxy setting";
            } else if (proxy.kind() == ProxySetting.Kind.JVM) {
                check = "the JVM's proxy asks for credentials (the JDK's Authenticator is not consulted): give them in the "
                        + "proxy setting, http://user:password@host:port";
            } else if (proxy.hasCredentials()) {
                check = "check the user and password in the proxy setting (" + proxy + ")";
            } else {
                check = "the proxy " + proxy + " asks for credentials: add them to the proxy setting, http://user:password@host:port";
            }
            status.error("the proxy refused Mixlog's requests on " + route.name() + " (" + detail
                    + ", Proxy Authentication Required); the events are dropped as rejected until this is fixed: " + check);
        }
    }

    /**
     * What authenticated the refused request: the {@code /import} credentials (and the region,
     * since a project only answers on its own), or the project token that {@code /track},
     * {@code /engage} and {@code /groups} carry in their bodies.
     */
    private String credentialsToCheck(Route route) {
        if (route.authorization().isEmpty()) {
            return "token";
        }
        return Credentials.of(config).settingsToCheck(config.endpoint())
                + (config.endpoint() == Endpoint.IMPORT ? " and the region (" + config.baseUrl() + ")" : "");
    }

    void partlyRefused(Route route, Batch part, int refused, List<FailedRecord> failed) {
        StringBuilder message = new StringBuilder("Mixpanel refused ").append(refused).append(" of ")
                .append(part.size()).append(" events on ").append(route.name()).append(" (the others were imported):");
        long unmatched = failed.stream().filter(record -> !record.matched()).count();
        if (unmatched > 0) {
            message.append("\n  the reply is malformed: ").append(unmatched).append(" of its ").append(failed.size())
                    .append(" failed_records name no event of the batch (not counted as refused)");
        }
        for (int i = 0; i < Math.min(failed.size(), FAILED_RECORDS_LISTED); i++) {
            message.append("\n  ").append(failed.get(i));
        }
        if (failed.size() > FAILED_RECORDS_LISTED) {
            message.append("\n  and ").append(failed.size() - FAILED_RECORDS_LISTED).append(" more");
        }
        status.warn(message.toString());
        if (refusals != null) {
            // one reason per refused record, however many of its fields failed
            Map<Integer, String> reasons = new TreeMap<>();
            for (FailedRecord record : failed) {
                if (record.matched() && record.index() < part.size()) {
                    reasons.merge(record.index(), record.toString(), (first, next) -> first + "; " + next);
                }
            }
            reasons.forEach((index, reason) -> tellRefused(part, index, "Mixpanel refused it: " + reason));
        }
    }

    void spoolNotOpened(String why) {
        status.warn("could not start the thread that opens the spool (" + why + "); running without a spool: "
                + "events are held in memory only");
    }

    void unexpected(Route route, String description) {
        status.error("unexpected failure while sending to " + route.name() + ": " + description);
    }
}
