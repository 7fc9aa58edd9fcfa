package dev.mixlog.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * A web application's logging, loaded by {@code RedeployScenario} in a class loader of its own (as a
 * servlet container loads a web application): configures Logback from XML, logs, and stops the
 * context as the container does at undeploy.
 */
public final class RedeployedWebApp {
    private RedeployedWebApp() {
    }

    /** Runs one deployment; returns how many events were delivered (-1 without a Mixpanel appender). */
    public static long deploy(String mockUrl, String configuration, int events) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("mockUrl", mockUrl);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(RedeployedWebApp.class.getResource("/logback/" + configuration));
        Logger log = context.getLogger("com.example.webapp.Pages");
        Marker viewed = MixpanelMarkers.event("Page Viewed");
        for (int seq = 0; seq < events; seq++) {
            log.atInfo().addMarker(viewed).addKeyValue("seq", seq).log("viewed");
        }
        MixpanelAppender appender = (MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        context.stop();
        return appender == null ? -1 : appender.getStats().delivered();
    }
}
