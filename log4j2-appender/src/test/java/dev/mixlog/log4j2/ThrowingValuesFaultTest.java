package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.ThrowingValues;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Map-message fields whose methods throw {@code Error}s, interleaved one to one with good events,
 * through a real {@code log4j2.xml}: no Error reaches the logging call, every good event arrives
 * exactly once, every bad one arrives with a placeholder (counted), and the pipeline still delivers.
 */
class ThrowingValuesFaultTest {
    private static final int GOOD = 10_000;
    private static final int BAD = 10_000;

    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;
    private LoggerContext context;

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.stop(30, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AssertionError", "OutOfMemoryError", "ExceptionInInitializerError", "Killed"})
    void errorsThrownByLoggedValuesNeitherStopDeliveryNorLoseEvents(String errorName) {
        Supplier<Error> error = ThrowingValues.ERRORS.get(errorName);
        context = TestContexts.start("log4j2-throwing-values.xml");
        MixpanelAppender appender = TestContexts.mixpanel(context, "mixpanel");
        MixlogStats stats = appender.getStats();
        Logger log = context.getLogger("com.example.shop.Checkout");
        Marker event = MixpanelMarkers.event("Checked Out");

        int thrown = 0;
        long started = System.nanoTime();
        for (int i = 0; i < GOOD; i++) {
            try {
                log.info(event, new MapMessage<>().with("seq", i));
                log.info(event, new MapMessage<>().with("bad", i).with("value", ThrowingValues.throwingValue(i, error)));
            } catch (Throwable t) {
                thrown++;
            }
        }
        long logged = GOOD + BAD;
        Await.until(Duration.ofSeconds(60), () -> stats.delivered() + stats.droppedTotal() >= logged, stats::toString);
        long took = System.nanoTime() - started;

        log.info(event, new MapMessage<>().with("seq", GOOD));
        server.awaitIngested((int) logged + 1, Duration.ofSeconds(30));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("mixlog-mixpanel-consumer-")), "consumer alive");
        assertTrue(context.stop(30, TimeUnit.SECONDS));
        context = null;

        assertEquals(0, thrown, "Errors that reached the logging call");
        ThrowingValues.assertAllArrivedOnce(server, stats, GOOD, BAD, logged);
        Figures.report("errors from values (Log4j2): " + errorName, GOOD + " good and " + BAD
                + " bad events interleaved: all arrived once, the bad ones with a placeholder; 0 Errors reached the call; "
                + "consumer alive; " + Figures.millis(took) + " ms");
    }
}
