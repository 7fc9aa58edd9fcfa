package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reply whose body stalls after its headers times out after {@code requestTimeout}; one whose body
 * drips a byte at a time, each in time, is cut by the consumer after twice {@code requestTimeout}.
 * Either way the batch is retried and the events are delivered once. The server would hold either
 * reply for 30 s.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class StalledReplyFaultTest {
    private static final int EVENTS = 1000;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aStalledReplyTimesOutAndTheBatchIsRetried() {
        cutAndRetried(Reply.acceptThenStall(), "SocketTimeoutException", "a reply whose body stalled after its headers, "
                + "requestTimeout 1 s: timed out after 1 s without a byte");
    }

    @Test
    void aDrippingReplyIsCutAtTheExchangeBoundAndTheBatchIsRetried() {
        cutAndRetried(Reply.acceptThenDrip(), "no complete reply within PT2S", "a reply whose body dripped a byte every "
                + "100 ms, requestTimeout 1 s: cut at the 2 s bound of the whole exchange");
    }

    private void cutAndRetried(Reply firstReply, String reported, String figure) {
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.REQUEST_TIMEOUT, "1s"))) {
            // a first exchange warms the client up, so that the reply's headers come well within the timeout
            pipeline.logNumbered(0, 1);
            pipeline.awaitSettled(1);
            AtomicBoolean answered = new AtomicBoolean();
            server.answerWith(arrival -> answered.compareAndSet(false, true) ? firstReply : Reply.accept());

            long started = System.nanoTime();
            pipeline.logNumbered(1, EVENTS);
            pipeline.awaitSettled(EVENTS);
            long took = System.nanoTime() - started;

            pipeline.assertLedger(EVENTS, server);
            assertEquals(EVENTS, pipeline.stats().delivered());
            assertEquals(1, pipeline.stats().retried(), () -> pipeline.stats() + "\n" + pipeline.status());
            List<String> cut = pipeline.status().containing(reported);
            assertEquals(1, cut.size(), pipeline.status()::toString);
            assertTrue(took < 10_000_000_000L, "took " + took / 1_000_000 + " ms");
            Figures.report("stalled reply", figure + ", retried once, " + EVENTS + " events delivered once (the first copy "
                    + "deduplicated) in " + Figures.millis(took) + " ms");
        }
    }
}
