package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/** A core delivering {@link TestEvent}s to a {@link LoopbackMixpanel}, with the checks every scenario makes. */
final class Pipeline implements AutoCloseable {
    /** The project token; it must never show in a status message. */
    static final String TOKEN = "fault-suite-token-6f1d2e9a";
    /** The {@code Authorization} credentials {@code /import} sends with the token. */
    static final String BASIC_CREDENTIALS = Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
    /** Bound on waiting for a scenario to settle: far above what any needs. */
    static final Duration SETTLE_BOUND = Duration.ofSeconds(60);

    private final MixlogCore<TestEvent, TestEvent> core;
    private final StatusLog status = new StatusLog();

    private Pipeline(MixlogSettings settings) {
        core = MixlogCore.start(settings.build(), TestEventReader.INSTANCE, status);
    }

    /**
     * Settings for fault scenarios: batches of 500, quick flushes, retries after 20 ms doubling to
     * 200 ms (instead of 2 s to 60 s), diagnostics every 200 ms, no shutdown hook, no JMX.
     */
    static MixlogSettings settings(LoopbackMixpanel server) {
        return new MixlogSettings().name("faults").text(Settings.BASE_URL, server.url()).text(Settings.TOKEN, TOKEN)
                .text(Settings.MAX_BATCH_EVENTS, "500").text(Settings.FLUSH_INTERVAL, "50ms")
                .text(Settings.RETRY_INITIAL_BACKOFF, "20ms").text(Settings.RETRY_MAX_BACKOFF, "200ms")
                .text(Settings.CONNECT_TIMEOUT, "2s").text(Settings.REQUEST_TIMEOUT, "10s").text(Settings.SHUTDOWN_TIMEOUT, "10s")
                .text(Settings.REPORT_INTERVAL, "200ms").text(Settings.SHUTDOWN_HOOK, "false").text(Settings.JMX, "false");
    }

    /** A ring buffer size (a power of two) that holds all these events at once. */
    static String ringFor(int events) {
        return String.valueOf(Math.max(64, Integer.highestOneBit(Math.max(1, events - 1)) << 1));
    }

    static Pipeline start(MixlogSettings settings) {
        return new Pipeline(settings);
    }

    MixlogCore<TestEvent, TestEvent> core() {
        return core;
    }

    MixlogStats stats() {
        return core.stats();
    }

    StatusLog status() {
        return status;
    }

    /** Logs one event as an appender would; returns whether it was taken. */
    boolean log(TestEvent event) {
        return core.append(event);
    }

    /** Logs numbered events {@code from} (inclusive) to {@code to} (exclusive); returns the seqs taken. */
    BitSet logNumbered(int from, int to) {
        BitSet taken = new BitSet();
        for (int seq = from; seq < to; seq++) {
            if (log(TestEvent.numbered(seq))) {
                taken.set(seq);
            }
        }
        return taken;
    }

    /** Waits until each of {@code logged} events is delivered or dropped with a reason. */
    void awaitSettled(long logged) {
        MixlogStats stats = stats();
        Await.until(SETTLE_BOUND, () -> stats.delivered() + stats.droppedTotal() >= logged,
                () -> logged + " events settled, but " + stats);
    }

    /**
     * Asserts the exact ledger: every logged event delivered or dropped with a reason; the server
     * ingested exactly the delivered ones (deduplicated by {@code $insert_id}), all valid; no status
     * message shows a credential.
     */
    void assertLedger(long logged, LoopbackMixpanel server) {
        MixlogStats stats = stats();
        assertEquals(logged, stats.delivered() + stats.droppedTotal(), () -> "delivered + dropped: " + stats);
        assertEquals(stats.delivered(), server.ingestedCount(), () -> "ingested by the server: " + stats);
        assertEquals(List.of(), server.violations());
        status.assertShowsNone(List.of(TOKEN, BASIC_CREDENTIALS));
    }

    /** The {@code seq} of each event. */
    static BitSet seqs(Collection<JsonNode> events) {
        BitSet seqs = new BitSet();
        for (JsonNode event : events) {
            seqs.set(event.path("properties").path("seq").intValue());
        }
        return seqs;
    }

    @Override
    public void close() {
        core.stop();
    }
}
