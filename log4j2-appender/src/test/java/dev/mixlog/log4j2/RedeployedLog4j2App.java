package dev.mixlog.log4j2;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.message.MapMessage;

/**
 * A web application's logging, loaded by {@code RedeployScenario} in a class loader of its own:
 * starts a Log4j2 context from XML for its class loader and shuts it down, as log4j-web does at
 * deploy and undeploy.
 */
public final class RedeployedLog4j2App {
    private RedeployedLog4j2App() {
    }

    /** Runs one deployment; returns how many events were delivered (-1 without a Mixpanel appender). */
    public static long deploy(String mockUrl, String configuration, int events) throws Exception {
        System.setProperty("mockUrl", mockUrl);
        ClassLoader webapp = RedeployedLog4j2App.class.getClassLoader();
        LoggerContext context = Configurator.initialize("webapp", webapp,
                RedeployedLog4j2App.class.getResource("/" + configuration).toURI());
        Logger log = context.getLogger("com.example.webapp.Pages");
        Marker viewed = MixpanelMarkers.event("Page Viewed");
        for (int seq = 0; seq < events; seq++) {
            log.info(viewed, new MapMessage<>().with("seq", seq));
        }
        MixpanelAppender appender = context.getConfiguration().getAppender("mixpanel");
        Configurator.shutdown(context);
        return appender == null ? -1 : appender.getStats().delivered();
    }
}
