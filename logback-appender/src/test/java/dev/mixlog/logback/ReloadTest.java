package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.PacedLogging;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * Logback reconfigured 30 times ({@code reset()} and {@code JoranConfigurator}, what {@code scan="true"}
 * does) while a thread logs, with a healthy and with a hanging endpoint: every event Logback hands to
 * the Mixpanel appenders is delivered or counted, no stop holds the reconfiguring thread for more than
 * 100 ms, and after the context's final stop no Mixlog thread is left.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class ReloadTest {
    private static final int RELOADS = 30;
    private static final Marker EVENT = MixpanelMarkers.event("Page Viewed");

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @ParameterizedTest(name = "endpoint hanging: {0}")
    @ValueSource(booleans = {false, true})
    void reloadsLoseNothingUncountedAndNeverHoldTheReloadingThread(boolean hanging) throws Exception {
        Await.until(() -> LogbackHarness.mixlogThreads().isEmpty(), "earlier tests' threads ended");
        if (hanging) {
            server.hang();
        }
        ReloadProbes.reset();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        URL xml = ReloadTest.class.getResource("/logback/reload.xml");
        configure(context, xml, server.url());
        Logger log = context.getLogger("com.example.web.Pages");

        PacedLogging application = PacedLogging.start(seq -> log.atInfo().addMarker(EVENT).addKeyValue("seq", seq).log("viewed"));
        long longestReload = 0;
        for (int i = 0; i < RELOADS; i++) {
            Thread.sleep(100); // the application logs between reloads
            long started = System.nanoTime();
            context.reset();
            configure(context, xml, server.url());
            longestReload = Math.max(longestReload, System.nanoTime() - started);
        }
        long logged = application.stop();
        long stopStarted = System.nanoTime();
        context.stop();
        long finalStop = System.nanoTime() - stopStarted;

        long routed = ReloadProbes.ROUTED.get();
        assertEquals(RELOADS + 1, ReloadProbes.STATS.size(), "one appender per configuration");
        // the final stop waits for the background stops up to shutdownTimeout; on a loaded machine the last may end just after
        Await.until(Duration.ofSeconds(30), () -> ReloadProbes.accountedFor() == routed,
                () -> "delivered + dropped of all the appenders == events routed to them: " + ReloadProbes.accountedFor()
                        + " of " + routed);
        assertEquals(routed, ReloadProbes.accountedFor(), "delivered + dropped of all the appenders == events routed to them");
        long delivered = ReloadProbes.STATS.stream().mapToLong(stats -> stats.delivered()).sum();
        assertEquals(delivered, server.ingestedCount());
        if (!hanging) {
            assertEquals(routed, delivered, "with a healthy endpoint every event handed to an appender is delivered");
        }
        long longestStop = ReloadProbes.LONGEST_STOP_NANOS.get();
        assertTrue(longestStop < TimeUnit.MILLISECONDS.toNanos(100), "a stop held the reloading thread "
                + TimeUnit.NANOSECONDS.toMillis(longestStop) + " ms");
        Await.until(Duration.ofSeconds(10), () -> LogbackHarness.mixlogThreads().isEmpty(),
                () -> "Mixlog threads left after the final stop: " + LogbackHarness.mixlogThreads());
        Figures.report("Logback reloads, endpoint " + (hanging ? "hanging" : "healthy"), RELOADS + " reloads while logging: "
                + logged + " logged, " + routed + " routed to the appenders (the rest fell in Logback's own window "
                + "with no appender), all accounted for: " + delivered + " delivered, " + (routed - delivered)
                + " dropped and counted; longest stop " + TimeUnit.NANOSECONDS.toMicros(longestStop) + " µs, longest reload "
                + TimeUnit.NANOSECONDS.toMillis(longestReload) + " ms; final stop " + TimeUnit.NANOSECONDS.toMillis(finalStop)
                + " ms; no Mixlog thread left");
    }

    /** Loads the configuration as a reload does; {@code reset()} clears the context's properties, so they are set again. */
    private static void configure(LoggerContext context, URL xml, String mockUrl) throws Exception {
        context.putProperty("mockUrl", mockUrl);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(xml);
    }
}
