package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.BitSet;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server failing a fifth of requests at random (seeded): retryable statuses whose bodies echo the
 * credentials, connections reset before or after the events were ingested, replies slower than
 * {@code requestTimeout}. Nothing is lost, duplicates are only ever resends of the same
 * {@code $insert_id}, and no credential shows in a status message. Refusals are never resent.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class FlakyServerFaultTest {
    private static final long SEED = 20_240_611L;
    private static final int[] RETRYABLE = {408, 500, 502, 503, 504, 524};
    private static final long SLOWER_THAN_TIMEOUT_MILLIS = 700;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void randomFailuresOnAFifthOfRequestsLoseNothing() {
        int events = FaultTimings.events();
        Random random = new Random(SEED);
        Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
        server.answerWith(arrival -> {
            int roll;
            synchronized (random) {
                roll = random.nextInt(100);
            }
            Reply fault = fault(roll, arrival);
            injected.computeIfAbsent(roll < 8 ? "status " + fault : roll < 20 ? describe(roll) : "accepted",
                    kind -> new AtomicInteger()).incrementAndGet();
            return fault;
        });
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server)
                .text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)).text(Settings.REQUEST_TIMEOUT, "500ms"))) {
            long started = System.nanoTime();
            assertEquals(events, pipeline.logNumbered(0, events).cardinality());
            pipeline.awaitSettled(events);
            long took = System.nanoTime() - started;

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(events, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            BitSet all = new BitSet();
            all.set(0, events);
            assertEquals(all, Pipeline.seqs(server.ingestedEvents()));
            assertTrue(server.duplicatesIngested() > 0, "some batches were ingested, then resent");
            int failed = server.requestCount() - injected.get("accepted").get();
            assertTrue(failed * 100 >= server.requestCount() * 12, "a fifth of requests failed: " + injected);
            Figures.report("random faults", events + " events, " + server.requestCount() + " requests, " + failed
                    + " failed (" + new TreeMap<>(injected) + "), seed " + SEED + "; lost 0, "
                    + server.duplicatesIngested() + " resent events deduplicated by $insert_id, " + stats.retried()
                    + " retries; settled in " + Figures.millis(took) + " ms");
        }
    }

    /** Rolls 0-7: a retryable status; 8-12: reset; 13-16: ingested, then reset; 17-19: slower than the timeout. */
    private static Reply fault(int roll, Request arrival) {
        if (roll < 8) {
            return Reply.refuse(RETRYABLE[roll % RETRYABLE.length], "{\"error\":\"try again\",\"echo\":\"Authorization: "
                    + arrival.authorization() + "; token " + Pipeline.TOKEN + "\"}");
        }
        if (roll < 13) {
            return Reply.dropConnection();
        }
        if (roll < 17) {
            return Reply.ingestThenDropConnection();
        }
        if (roll < 20) {
            try {
                Thread.sleep(SLOWER_THAN_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Reply.accept();
    }

    private static String describe(int roll) {
        return roll < 13 ? "reset" : roll < 17 ? "ingested then reset" : "timed out";
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void refusedBatchesAreNeverResent(int status) {
        server.answerWith(arrival -> Reply.refuse(status, "{\"error\":\"refused\"}"));
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server))) {
            pipeline.logNumbered(0, 2000);
            pipeline.awaitSettled(2000);

            MixlogStats stats = pipeline.stats();
            assertEquals(2000, stats.dropped(DropReason.REJECTED), stats::toString);
            assertEquals(0, stats.retried());
            assertEquals(2000, server.requests().stream().mapToInt(arrival -> arrival.events().size()).sum(),
                    "every event sent exactly once");
            pipeline.assertLedger(2000, server);
        }
    }
}
