package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one seam where delivery is replaced ({@link DeliverySeam}): while a replacement is installed,
 * every sealed batch goes to it and none to the network; once it is removed, batches go to the
 * network again; a core without credentials starts no thread unless a replacement is installed, and
 * then delivers to it alone. Every event ends delivered or dropped under a reason.
 */
class DeliverySeamTest {
    private final LoopbackMixpanel server = LoopbackMixpanel.start();
    private final Taken taken = new Taken();

    @AfterEach
    void tearDown() {
        DeliverySeam.remove(taken);
        server.close();
    }

    @Test
    void whileAReplacementIsInstalledEveryBatchGoesToItAndNoneToTheNetwork() {
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).name("seam").text(Settings.RING_BUFFER_SIZE, "4096"))) {
            DeliverySeam.install(taken);
            pipeline.logNumbered(0, 1_000);
            assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), pipeline.stats()::toString);
            assertEquals(1_000, taken.records().size());
            assertEquals(List.of("/import"), taken.endpoints());
            assertEquals(0, server.requestCount(), "requests that reached the network");

            DeliverySeam.remove(taken);
            pipeline.logNumbered(1_000, 1_100);
            assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), pipeline.stats()::toString);
            assertEquals(1_000, taken.records().size(), "taken once removed");
            MixlogStats stats = pipeline.stats();
            assertEquals(1_100, stats.delivered(), stats::toString);
            assertEquals(1_100, stats.delivered() + stats.droppedTotal(), "delivered + dropped == logged");
            assertEquals(100, server.ingestedCount());
            assertEquals(List.of(), server.violations());
        }
    }

    @Test
    void aCoreWithoutCredentialsStartsAPipelineOnlyThroughTheSeam() {
        MixlogSettings settings = new MixlogSettings().name("seam-tokenless").text(Settings.BASE_URL, server.url())
                .text(Settings.FLUSH_INTERVAL, "50ms").text(Settings.SHUTDOWN_HOOK, "false").text(Settings.JMX, "false");
        try (Pipeline pipeline = Pipeline.start(settings)) {
            pipeline.logNumbered(0, 10);
            assertEquals(10, pipeline.stats().dropped(DropReason.DISABLED));
            assertFalse(threadsOf("seam-tokenless"), "a thread started with no credentials and no replacement");

            DeliverySeam.install(taken);
            pipeline.logNumbered(10, 30);
            assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), pipeline.stats()::toString);
            assertEquals(20, taken.records().size());
            assertTrue(threadsOf("seam-tokenless"), "the pipeline the replacement started");

            DeliverySeam.remove(taken);
            pipeline.logNumbered(30, 35);
            MixlogStats stats = pipeline.stats();
            assertEquals(20, stats.delivered(), stats::toString);
            assertEquals(15, stats.dropped(DropReason.DISABLED), stats::toString);
            assertEquals(35, stats.delivered() + stats.droppedTotal(), "delivered + dropped == logged");
        }
        assertEquals(0, server.requestCount(), "requests that reached the network");
    }

    @Test
    void aReplacementThatThrowsIsRetriedAsAFailedRequest() {
        taken.failFirst(2);
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).name("seam-failing"))) {
            DeliverySeam.install(taken);
            pipeline.logNumbered(0, 50);
            assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), pipeline.stats()::toString);
            MixlogStats stats = pipeline.stats();
            assertEquals(50, taken.records().size());
            assertEquals(50, stats.delivered(), stats::toString);
            assertTrue(stats.retried() >= 2, stats::toString);
        }
        assertEquals(0, server.requestCount());
    }

    @Test
    void eachRecordComesWithTheTagOfTheThreadThatLoggedIt() throws InterruptedException {
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).name("seam-tags").text(Settings.RING_BUFFER_SIZE, "1024"))) {
            DeliverySeam.install(taken);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    taken.threadTag.set(thread == 2 ? null : "thread-" + thread);
                    pipeline.logNumbered(thread * 100, thread * 100 + 100);
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), pipeline.stats()::toString);
            List<String> tagged = List.copyOf(taken.tagged);
            assertEquals(300, tagged.size());
            for (String record : tagged) {
                int seq = Integer.parseInt(record.substring(0, record.indexOf('=')));
                String expected = seq < 200 ? "thread-" + seq / 100 : "null";
                assertEquals(seq + "=" + expected, record);
            }
        }
    }

    private static boolean threadsOf(String appender) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("mixlog-" + appender + "-"));
    }

    /** A replacement that keeps the records it takes, failing its first few takes when asked to. */
    private static final class Taken implements DeliverySeam.Replacement {
        private final List<JsonNode> records = Collections.synchronizedList(new ArrayList<>());
        private final List<String> endpoints = Collections.synchronizedList(new ArrayList<>());
        /** Each record's {@code seq} and tag, as {@code seq=tag}. */
        private final List<String> tagged = Collections.synchronizedList(new ArrayList<>());
        private final ThreadLocal<String> threadTag = new ThreadLocal<>();
        private int failuresLeft;

        synchronized void failFirst(int failures) {
            failuresLeft = failures;
        }

        @Override
        public void take(String endpoint, byte[] json, Object[] tags) {
            synchronized (this) {
                if (failuresLeft > 0) {
                    failuresLeft--;
                    throw new IllegalStateException("not now");
                }
            }
            JsonNode batch;
            try {
                batch = LoopbackMixpanel.JSON.readTree(json);
            } catch (IOException e) {
                throw new AssertionError("a batch that is not JSON", e);
            }
            assertEquals(batch.size(), tags.length, "a tag for each record");
            for (int i = 0; i < batch.size(); i++) {
                records.add(batch.get(i));
                tagged.add(batch.get(i).path("properties").path("seq").asInt() + "=" + tags[i]);
            }
            if (!endpoints.contains(endpoint)) {
                endpoints.add(endpoint);
            }
        }

        @Override
        public Object tagOfThisThread() {
            return threadTag.get();
        }

        @Override
        public void started(DeliverySeam.Core core) {
        }

        List<JsonNode> records() {
            return List.copyOf(records);
        }

        List<String> endpoints() {
            return List.copyOf(endpoints);
        }
    }
}
