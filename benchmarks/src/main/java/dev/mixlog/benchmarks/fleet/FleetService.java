package dev.mixlog.benchmarks.fleet;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.logback.MixpanelAppender;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * One service of the fleet: a Logback context of its own with Mixlog's appender configured from
 * {@code fleet/service.xml}, so that nothing but the loopback project is shared with the others.
 */
final class FleetService {
    private static final Marker PURCHASE = purchase();
    private final int id;
    private final LoggerContext context = new LoggerContext();
    private final Logger log;
    private final MixlogStats stats;
    private long logged;
    private long ringHighWater;

    FleetService(int id, String url, boolean rateControl) throws JoranException {
        this.id = id;
        context.setName("service-" + id);
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("fleet.url", url);
        context.putProperty("fleet.rateControl", String.valueOf(rateControl));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(FleetService.class.getResource("/fleet/service.xml"));
        log = context.getLogger("shop.checkout.PurchaseService");
        MixpanelAppender appender = (MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        stats = appender.getStats();
        if (stats == null) {
            throw new IllegalStateException("service " + id + ": the appender did not start: " + context.getStatusManager().getCopyOfStatusList());
        }
    }

    private static Marker purchase() {
        Marker marker = MarkerFactory.getMarker("Purchase");
        marker.add(MarkerFactory.getMarker("MIXPANEL"));
        return marker;
    }

    /** Logs one purchase event, tagged with the service and its sequence number. */
    void logOne() {
        log.atInfo().addMarker(PURCHASE).addKeyValue("distinct_id", "user-" + (logged % 997))
                .addKeyValue("service", id).addKeyValue("seq", logged).log("Purchase");
        logged++;
    }

    /** Samples the ring's backlog for its high-water mark. */
    void sample() {
        ringHighWater = Math.max(ringHighWater, stats.ringBacklog());
    }

    boolean settled() {
        return stats.delivered() + stats.droppedTotal() >= logged;
    }

    void stop() {
        context.stop();
    }

    int id() { return id; }
    long logged() { return logged; }
    long ringHighWater() { return ringHighWater; }
    MixlogStats stats() { return stats; }
}
