package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 429 with {@code Retry-After} (seconds or HTTP date): every sender pauses, not only the one that got
 * it, for as long as the server asked and never less than Mixpanel's 2 s floor; that time does not
 * count against {@code maxRetryTime}.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class RateLimitFaultTest {
    /** How long the server answers every request with 429. */
    private static final Duration STORM = Duration.ofMillis(3000);
    /**
     * A request whose sender passed the gate just before another sender's 429 closed it may arrive
     * after that 429 was answered: late by however long the machine kept the sender from running
     * (measured: 365 ms on a loaded 2-core machine). Later than this, none may arrive during the pause.
     * The batch that got the 429 is held to the pause exactly: its sender learns of it before waiting.
     */
    private static final long SCHEDULING_SLACK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Mixpanel's least pause after a 429. */
    private static final long FLOOR_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Slack between the server's clock reading for an HTTP date and the client's. */
    private static final long CLOCK_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aStormOf429sPausesEverySenderAndLosesNothing() {
        int events = FaultTimings.events();
        AtomicLong stormEnd = new AtomicLong();
        server.answerWith(arrival -> {
            stormEnd.compareAndSet(0, arrival.arrivedNanos() + STORM.toNanos());
            if (arrival.arrivedNanos() - stormEnd.get() >= 0) {
                return Reply.accept();
            }
            return arrival.index() % 2 == 0 ? Reply.rateLimited(1) : Reply.rateLimitedUntil(Duration.ofMillis(1500));
        });
        // a retry budget shorter than the storm: waiting as asked must not use it up
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server)
                .text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)).text(Settings.MAX_RETRY_TIME, "1500ms"))) {
            long started = System.nanoTime();
            assertEquals(events, pipeline.logNumbered(0, events).cardinality());
            pipeline.awaitSettled(events);
            long took = System.nanoTime() - started;

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(events, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            assertEquals(events, server.ingestedCount());
            List<Request> arrivals = server.requests();
            List<Request> limited = arrivals.stream().filter(Request::rateLimited).collect(Collectors.toList());
            // the server asks for 1 to 1.5 s; Mixpanel's 2 s floor lengthens that: two rounds of four senders at most
            assertTrue(limited.size() >= 4, "429s answered: " + limited.size());
            assertPausesHeld(arrivals, limited);
            Figures.report("429 storm", events + " events, " + arrivals.size() + " requests, " + limited.size()
                    + " answered 429 over " + STORM.toMillis() + " ms (Retry-After 1 s or an HTTP date), maxRetryTime 1.5 s; "
                    + "no request during any pause; lost 0; " + stats.retried() + " retries; settled in "
                    + Figures.millis(took) + " ms");
        }
    }

    /**
     * {@code Retry-After: 0} on a 429 shortens no wait: every sender still waits Mixpanel's 2 s floor
     * after each 429 (it once went again at once: 485 requests in 5 s), and every event is delivered
     * once the limit lifts.
     */
    @Test
    void aRetryAfterOfZeroKeepsMixpanelsFloorBetweenRequests() {
        int events = 2_000;
        Duration limitedFor = Duration.ofMillis(4500);
        AtomicLong limitEnd = new AtomicLong();
        server.answerWith(arrival -> {
            limitEnd.compareAndSet(0, arrival.arrivedNanos() + limitedFor.toNanos());
            if (arrival.arrivedNanos() - limitEnd.get() >= 0) {
                return Reply.accept();
            }
            return Reply.json(429, "{\"error\":\"rate limit exceeded\",\"status\":0}").withHeader("Retry-After", "0");
        });
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)))) {
            assertEquals(events, pipeline.logNumbered(0, events).cardinality());
            pipeline.awaitSettled(events);

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(events, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            List<Request> arrivals = server.requests();
            List<Request> limited = arrivals.stream().filter(request -> request.status() == 429).collect(Collectors.toList());
            assertPausesHeld(arrivals, limited);
            // each sender (4) goes at most once per 2 s step while the limit lasts: at most 3 rounds in 4.5 s
            assertTrue(limited.size() <= 12, "429s answered: " + limited.size());
            Figures.report("429 with Retry-After: 0", events + " events, " + limited.size() + " requests answered 429 over "
                    + limitedFor.toMillis() + " ms, none within 2 s of a 429; lost 0");
        }
    }

    /**
     * After each 429, the pause held: as long as the server asked, and never less than Mixpanel's 2 s.
     * The batch that got it went again no sooner (exactly: its sender learned of the 429 before it
     * waited); no other request arrived during the pause, but for one already on its way as the 429
     * came ({@link #SCHEDULING_SLACK_NANOS}).
     */
    private static void assertPausesHeld(List<Request> arrivals, List<Request> limited) {
        for (Request pause : limited) {
            long pauseNanos = Math.max(pause.pauseEndNanos() - pause.answeredNanos(), FLOOR_NANOS);
            String batch = pause.insertIds().get(0);
            Request retry = arrivals.stream().filter(request -> request.index() > pause.index()
                    && request.insertIds().get(0).equals(batch)).findFirst().orElse(null);
            if (retry != null) {
                long after = retry.arrivedNanos() - pause.answeredNanos();
                assertTrue(after >= pauseNanos - CLOCK_SLACK_NANOS, () -> "the batch of request " + pause.index() + " went again "
                        + Figures.millis(after) + " ms after its 429, which asked for " + Figures.millis(pauseNanos) + " ms");
            }
            for (Request request : arrivals) {
                long after = request.arrivedNanos() - pause.answeredNanos();
                assertTrue(after <= SCHEDULING_SLACK_NANOS || after >= pauseNanos - CLOCK_SLACK_NANOS, () -> "request "
                        + request.index() + " arrived " + Figures.millis(after) + " ms after the 429 of request " + pause.index()
                        + ", whose pause lasts " + Figures.millis(pauseNanos) + " ms");
            }
        }
    }

    @Test
    void timeHeldBackByAnotherBatchsRateLimitDoesNotUseUpTheRetryBudget() {
        AtomicBoolean secondBatchFailed = new AtomicBoolean();
        server.answerWith(arrival -> {
            String batch = arrival.events().get(0).path("properties").path("batch").asText();
            if (arrival.index() == 0) {
                return Reply.rateLimited(2);
            }
            if (batch.equals("B") && secondBatchFailed.compareAndSet(false, true)) {
                return Reply.refuse(503, "{\"error\":\"unavailable\"}");
            }
            return Reply.accept();
        });
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server)
                .text(Settings.MAX_BATCH_EVENTS, "10").text(Settings.MAX_IN_FLIGHT, "2").text(Settings.MAX_RETRY_TIME, "1s"))) {
            for (int seq = 0; seq < 10; seq++) {
                pipeline.log(TestEvent.numbered(seq).with("batch", "A"));
            }
            // the 429 has closed the gate: batch B waits there about 2 s, longer than its retry budget, then meets a 503
            Await.until(Duration.ofSeconds(30), () -> !pipeline.status().containing("retrying with backoff").isEmpty(),
                    () -> "the 429 reported: " + pipeline.status());
            for (int seq = 10; seq < 20; seq++) {
                pipeline.log(TestEvent.numbered(seq).with("batch", "B"));
            }
            pipeline.awaitSettled(20);

            MixlogStats stats = pipeline.stats();
            assertEquals(20, stats.delivered(), stats::toString);
            pipeline.assertLedger(20, server);
            List<Request> arrivals = server.requests();
            Request pause = arrivals.get(0);
            List<Request> batchB = new ArrayList<>();
            for (Request arrival : arrivals) {
                if (arrival.events().get(0).path("properties").path("batch").asText().equals("B")) {
                    batchB.add(arrival);
                }
            }
            assertEquals(2, batchB.size(), "batch B: a 503, then delivered");
            assertTrue(batchB.get(0).arrivedNanos() >= pause.pauseEndNanos() - CLOCK_SLACK_NANOS,
                    "batch B waited for the pause to end");
            assertEquals(seqsUpTo(20), Pipeline.seqs(server.ingestedEvents()));
        }
    }

    private static BitSet seqsUpTo(int count) {
        BitSet seqs = new BitSet();
        seqs.set(0, count);
        return seqs;
    }
}
