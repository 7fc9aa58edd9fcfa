package dev.mixlog.spring.boot;

import dev.mixlog.slf4j.MixpanelMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A Spring Boot application that logs events held in the appender (a one-minute flush interval), then
 * receives SIGTERM, as from {@code kill} or an orchestrator, and exits through Boot's shutdown.
 * Arguments: the loopback Mixpanel's URL and the number of events.
 */
public final class SigtermChild {
    private SigtermChild() {
    }

    public static void main(String[] args) throws Exception {
        ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + args[0], "mixlog.flush-interval=1min");
        int events = Integer.parseInt(args[1]);
        Logger log = LoggerFactory.getLogger("shop.Checkout");
        for (int i = 0; i < events; i++) {
            MDC.put("distinct_id", "u-" + i);
            log.atInfo().addMarker(MixpanelMarkers.event("Checkout Completed")).addKeyValue("seq", i).log("checkout");
        }
        MDC.clear();
        System.out.println("LOGGED " + events);
        new ProcessBuilder("kill", "-TERM", String.valueOf(ProcessHandle.current().pid())).inheritIO().start().waitFor();
        Thread.sleep(60_000);
        System.out.println("NOT STOPPED");
    }
}
