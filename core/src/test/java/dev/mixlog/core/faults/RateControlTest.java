package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.ProjectBudget;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate control against a loopback project budget (a token bucket answering 429 without
 * {@code Retry-After} past it): the appender lowers its rate to about the budget, keeps Mixpanel's
 * 2 s floor for each refused request, probes back up once the budget grows, and loses nothing.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class RateControlTest {
    /** The budget the appender meets first, in events per second. */
    private static final int BUDGET = 200;
    private static final int BATCH = 40;
    /** Mixpanel's least wait before a request answered 429 goes again. */
    private static final long FLOOR_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * How late a request whose sender passed the gate just before another sender's 429 closed it may
     * arrive: as late as the machine keeps that sender from running (as in {@code RateLimitFaultTest}).
     */
    private static final long SCHEDULING_SLACK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Slack between the server's clock reading and the client's. */
    private static final long CLOCK_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void slowsDownToTheBudgetThenProbesBackUpWhenItGrows() {
        ProjectBudget budget = ProjectBudget.of(BUDGET);
        server.answerWith(budget);
        int burst = 3_000;
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_BATCH_EVENTS, String.valueOf(BATCH))
                .text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(2 * burst)))) {
            MixlogStats stats = pipeline.stats();
            assertEquals(burst, pipeline.logNumbered(0, burst).cardinality());

            // backing off: from unlimited to about the budget (the limit then probes above it and drops again)
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.sendRateLimit() > 0 && stats.sendRateLimit() <= 2 * BUDGET,
                    () -> "a limit near the budget of " + BUDGET + " events/s; now " + stats.sendRateLimit() + ", " + stats);
            double backedOff = stats.sendRateLimit();
            long refusedWhileLimited = budget.refused();

            // the budget grows (the rest of the fleet went quiet): with a backlog to send, the limit rises
            budget.rate(100_000);
            assertEquals(burst, pipeline.logNumbered(burst, 2 * burst).cardinality());
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.sendRateLimit() >= 2 * backedOff,
                    () -> "the limit to double from " + backedOff + " events/s; now " + stats.sendRateLimit() + ", " + stats);
            double recovered = stats.sendRateLimit();
            pipeline.awaitSettled(2 * burst);

            pipeline.assertLedger(2 * burst, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            assertEquals(0, server.duplicatesIngested());
            assertTrue(stats.rateLimitedMillis() > 0, stats::toString);
            List<Request> arrivals = server.requests();
            List<Request> refused = arrivals.stream().filter(request -> request.status() == 429).collect(Collectors.toList());
            assertTrue(!refused.isEmpty(), "the budget refused requests");
            assertRefusedBatchesWaitedTheFloor(arrivals, refused, FLOOR_NANOS);
            Figures.report("rate control", 2 * burst + " events against a budget of " + BUDGET + " events/s: limit "
                    + Math.round(backedOff) + " events/s after " + refusedWhileLimited + " refusals; budget raised, limit "
                    + Math.round(recovered) + " events/s; " + arrivals.size() + " requests, " + refused.size()
                    + " refused, each retried 2 s or more later; lost 0");
        }
    }

    /** With a spool, what the lowered rate holds back waits on disk, not in the ring, and is all delivered. */
    @Test
    void withASpoolWhatTheRateHoldsBackWaitsOnDisk(@TempDir Path spool) {
        server.answerWith(ProjectBudget.of(BUDGET));
        int burst = 500;
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_BATCH_EVENTS, String.valueOf(BATCH))
                .text(Settings.SPOOL_DIRECTORY, spool.toString()).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(2 * burst)))) {
            MixlogStats stats = pipeline.stats();
            assertEquals(burst, pipeline.logNumbered(0, burst).cardinality());
            Await.until(Pipeline.SETTLE_BOUND, () -> stats.sendRateLimit() > 0, () -> "a limit: " + stats);
            // the spool is open by now: the second burst is written ahead while the limit holds it back
            assertEquals(burst, pipeline.logNumbered(burst, 2 * burst).cardinality());
            long[] highWater = {0};
            // refused parts of spooled batches are retried with Mixpanel's doubling backoff and no retry limit: room to settle
            Await.until(Duration.ofSeconds(120), () -> {
                highWater[0] = Math.max(highWater[0], stats.spooledBatches());
                return stats.delivered() + stats.droppedTotal() >= 2 * burst;
            }, () -> "settled: " + stats);

            pipeline.assertLedger(2 * burst, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            assertEquals(0, server.duplicatesIngested());
            assertTrue(highWater[0] > 4, "batch files waiting at most: " + highWater[0] + " (the senders hold 4)");
            Await.until(Duration.ofSeconds(30), () -> stats.spooledBatches() == 0, () -> "every batch file removed: " + stats);
        }
    }

    /**
     * A {@code Retry-After} longer than Mixpanel's floor wins: the refused batch goes again no sooner,
     * and no other request is sent meanwhile (but one already past the gate as the 429 came).
     */
    @Test
    void aRetryAfterHoldsEveryRequestForAsLongAsItSays() {
        int seconds = 4;
        AtomicInteger answered = new AtomicInteger();
        server.answerWith(request -> answered.getAndIncrement() == 0 ? Reply.rateLimited(seconds) : Reply.accept());
        int events = 400;
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_BATCH_EVENTS, String.valueOf(BATCH)))) {
            MixlogStats stats = pipeline.stats();
            assertEquals(events, pipeline.logNumbered(0, events).cardinality());
            pipeline.awaitSettled(events);

            pipeline.assertLedger(events, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            assertTrue(stats.sendRateLimit() > 0, () -> "the 429 lowered the rate: " + stats);
            List<Request> arrivals = server.requests();
            Request limited = arrivals.get(0);
            long pause = TimeUnit.SECONDS.toNanos(seconds);
            assertRefusedBatchesWaitedTheFloor(arrivals, List.of(limited), pause);
            // a sender that passed the gate before its 429 closed it may still arrive a little later (SCHEDULING_SLACK_NANOS); none later
            List<Request> during = arrivals.stream().filter(request -> request.index() > 0
                    && request.arrivedNanos() - limited.answeredNanos() > SCHEDULING_SLACK_NANOS
                    && request.arrivedNanos() - limited.answeredNanos() < pause - CLOCK_SLACK_NANOS).collect(Collectors.toList());
            assertEquals(List.of(), during, "requests sent during the pause");
        }
    }

    /** Each refused batch went again no sooner than {@code least} after its refusal. */
    private static void assertRefusedBatchesWaitedTheFloor(List<Request> arrivals, List<Request> refused, long least) {
        for (Request refusal : refused) {
            String batch = refusal.insertIds().get(0);
            Request retry = arrivals.stream().filter(request -> request.index() > refusal.index()
                    && request.insertIds().get(0).equals(batch)).findFirst().orElse(null);
            assertTrue(retry != null, "the batch of request " + refusal.index() + " went again");
            long after = retry.arrivedNanos() - refusal.answeredNanos();
            assertTrue(after >= least - CLOCK_SLACK_NANOS, () -> "the batch of request " + refusal.index() + " went again "
                    + Figures.millis(after) + " ms after its 429");
        }
    }
}
