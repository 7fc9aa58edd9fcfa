package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.ThrowingValues;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * Values whose methods throw {@code Error}s, interleaved one to one with good events, through a real
 * {@code logback.xml}: no Error reaches the logging call, every good event arrives exactly once, every
 * bad one is delivered with a placeholder (counted), the ledger is exact, and
 * the pipeline still delivers afterwards.
 */
class ThrowingValuesFaultTest {
    private static final int GOOD = 10_000;
    private static final int BAD = 10_000;

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AssertionError", "OutOfMemoryError", "ExceptionInInitializerError", "Killed"})
    void errorsThrownByLoggedValuesNeitherStopDeliveryNorLoseEvents(String errorName) {
        Supplier<Error> error = ThrowingValues.ERRORS.get(errorName);
        logback = fixture.configure("fault-throwing-values.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();
        Marker event = MixpanelMarkers.event("Checked Out");

        int thrown = 0;
        long started = System.nanoTime();
        for (int i = 0; i < GOOD; i++) {
            try {
                log.atInfo().addMarker(event).addKeyValue("seq", i).log("good");
                log.atInfo().addMarker(event).addKeyValue("bad", i)
                        .addKeyValue("value", ThrowingValues.throwingValue(i, error)).log("bad");
            } catch (Throwable t) {
                thrown++;
            }
        }
        long logged = GOOD + BAD;
        Await.until(Duration.ofSeconds(60), () -> stats.delivered() + stats.droppedTotal() >= logged, stats::toString);
        long took = System.nanoTime() - started;

        // the consumer and the senders still work: one more event arrives
        log.atInfo().addMarker(event).addKeyValue("seq", GOOD).log("after");
        server.awaitIngested((int) logged + 1, Duration.ofSeconds(30));
        assertTrue(consumerAlive(), () -> "consumer thread gone: " + LogbackHarness.mixlogThreads());
        logback.stop();

        assertEquals(0, thrown, "Errors that reached the logging call");
        ThrowingValues.assertAllArrivedOnce(server, stats, GOOD, BAD, logged);
        assertTrue(logback.statusText().contains(Adjustment.UNRENDERABLE.description()), logback::statusText);
        assertTrue(logback.messages(Status.ERROR).isEmpty(), logback::statusText);
        Figures.report("errors from values: " + errorName, GOOD + " good and " + BAD + " bad events interleaved: all "
                + GOOD + " good arrived once, all " + BAD + " bad delivered with a placeholder (counted); "
                + "0 Errors reached the call; consumer alive; "
                + Figures.millis(took) + " ms");
    }

    private static boolean consumerAlive() {
        return LogbackHarness.mixlogThreads().stream().anyMatch(name -> name.startsWith("mixlog-MIXPANEL-consumer-"));
    }
}
