package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.util.List;
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

    /** Runs the child against the server and checks that SIGTERM delivered every event, on this backend. */
    public static void assertSigtermDeliversEverything(LoopbackMixpanel server, String backend) throws Exception {
        int events = 500;
        ChildJvm.Result child = ChildJvm.run(SigtermChild.class, List.of("-Xmx256m"), server.url(), String.valueOf(events));
        assertTrue(child.output.contains(backend + " root logger"), "the child ran on " + backend + ":\n" + child.output);
        assertEquals(events, child.number("LOGGED"), child.output);
        assertEquals(143, child.exitCode, "ended by SIGTERM:\n" + child.output);
        assertFalse(child.output.contains("NOT STOPPED"), child.output);
        assertEquals(events, server.ingestedCount(), child.output);
        assertEquals(List.of(), server.violations());
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
