package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.testing.Fault;
import dev.mixlog.core.testing.FaultyMixpanel;
import dev.mixlog.core.testing.Figures;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reply whose body stalls after its headers (which the JDK's request timeout no longer covers):
 * the exchange is cut after twice {@code requestTimeout}, retried, and the events delivered once.
 */
class StalledReplyFaultTest {
    private static final int EVENTS = 1000;

    private final FaultyMixpanel server = FaultyMixpanel.start();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aStalledReplyIsCutAndTheBatchRetried() {
        AtomicBoolean stalled = new AtomicBoolean();
        server.rule(arrival -> stalled.compareAndSet(false, true) ? Fault.acceptThenStall() : Fault.accept());
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.REQUEST_TIMEOUT, "300ms")
                .text(Settings.MAX_BATCH_EVENTS, "1000"))) {
            long started = System.nanoTime();
            pipeline.logNumbered(0, EVENTS);
            pipeline.awaitSettled(EVENTS);
            long took = System.nanoTime() - started;

            pipeline.assertLedger(EVENTS, server);
            assertEquals(EVENTS, pipeline.stats().delivered());
            assertEquals(1, pipeline.stats().retried(), pipeline.stats()::toString);
            assertFalse(pipeline.status().containing("no complete reply within PT0.6S").isEmpty(), pipeline.status()::toString);
            assertTrue(took < 10_000_000_000L, "took " + took / 1_000_000 + " ms");
            Figures.report("stalled reply", "a reply whose body stalled after its headers, requestTimeout 300 ms: cut after "
                    + "the 600 ms bound, retried once, " + EVENTS + " events delivered once (the first copy deduplicated) in "
                    + Figures.millis(took) + " ms");
        }
    }
}
