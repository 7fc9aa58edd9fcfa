package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A web application's logging, loaded by {@code RedeployScenario} in a class loader of its own (as a
 * servlet container loads a web application): configures the logger context SLF4J is bound to (held
 * in the application's own static fields, as in any web application) from XML, logs through SLF4J,
 * and stops the context as Logback's servlet listener does at undeploy.
 */
public final class RedeployedWebApp {
    private RedeployedWebApp() {
    }

    /** Runs one deployment; returns how many events were delivered (-1 without a Mixpanel appender). */
    public static long deploy(String mockUrl, String configuration, int events) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("mockUrl", mockUrl);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(RedeployedWebApp.class.getResource("/logback/" + configuration));
        Logger log = LoggerFactory.getLogger("com.example.webapp.Pages");
        Marker viewed = MixpanelMarkers.event("Page Viewed");
        for (int seq = 0; seq < events; seq++) {
            log.atInfo().addMarker(viewed).addKeyValue("seq", seq).log("viewed");
        }
        MixpanelAppender appender = (MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        context.stop();
        return appender == null ? -1 : appender.getStats().delivered();
    }
}
