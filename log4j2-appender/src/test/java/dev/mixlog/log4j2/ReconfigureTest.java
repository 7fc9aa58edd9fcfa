package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.PacedLogging;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Log4j2 reconfigured 30 times ({@code LoggerContext.reconfigure()}) while a thread logs, with a
 * healthy and with a hanging endpoint: every logged event is delivered or counted by one of the
 * appenders, a reconfiguration is never held for the old appender's delivery, and after the
 * context's stop no Mixlog thread is left.
 */
class ReconfigureTest {
    private static final int RELOADS = 30;
    private static final Marker EVENT = MixpanelMarkers.event("Page Viewed");

    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @ParameterizedTest(name = "endpoint hanging: {0}")
    @ValueSource(booleans = {false, true})
    void reconfigurationsLoseNothingUncountedAndReturnAtOnce(boolean hanging) throws Exception {
        if (hanging) {
            server.hang();
        }
        LoggerContext context = TestContexts.start("log4j2-reload.xml");
        List<MixlogStats> stats = new ArrayList<>();
        stats.add(TestContexts.mixpanel(context, "mixpanel").getStats());
        Logger log = context.getLogger("com.example.web.Pages");

        PacedLogging application = PacedLogging.start(seq -> log.info(EVENT, new MapMessage<>().with("seq", seq)));
        long longest = 0;
        for (int i = 0; i < RELOADS; i++) {
            Thread.sleep(100); // the application logs between reconfigurations
            long started = System.nanoTime();
            context.reconfigure();
            longest = Math.max(longest, System.nanoTime() - started);
            stats.add(TestContexts.mixpanel(context, "mixpanel").getStats());
        }
        long logged = application.stop();
        long stopStarted = System.nanoTime();
        context.stop(30, TimeUnit.SECONDS);
        long finalStop = System.nanoTime() - stopStarted;

        assertEquals(RELOADS + 1, stats.stream().distinct().count(), "one appender per configuration");
        long accounted = stats.stream().mapToLong(s -> s.delivered() + s.droppedTotal()).sum();
        long delivered = stats.stream().mapToLong(MixlogStats::delivered).sum();
        assertEquals(logged, accounted, "delivered + dropped of all the appenders == logged");
        assertEquals(delivered, server.ingestedCount());
        if (!hanging) {
            assertEquals(logged, delivered, "with a healthy endpoint every logged event is delivered");
        }
        assertTrue(longest < TimeUnit.SECONDS.toNanos(1), "a reconfiguration took " + TimeUnit.NANOSECONDS.toMillis(longest)
                + " ms with shutdownTimeout 2 s");
        Await.until(Duration.ofSeconds(10), () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("mixlog-mixpanel-")), () -> "no Mixlog thread left");
        Figures.report("Log4j2 reconfigurations, endpoint " + (hanging ? "hanging" : "healthy"), RELOADS
                + " reconfigurations while logging: " + logged + " logged, all accounted for: " + delivered
                + " delivered, " + (accounted - delivered) + " dropped and counted; longest reconfiguration "
                + TimeUnit.NANOSECONDS.toMillis(longest) + " ms (Log4j2's own work included); final stop "
                + TimeUnit.NANOSECONDS.toMillis(finalStop) + " ms; no Mixlog thread left");
    }
}
