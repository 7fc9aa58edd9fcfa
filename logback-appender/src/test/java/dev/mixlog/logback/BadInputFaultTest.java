package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * 1,200 generated logging calls with bad input (seeded): no exception reaches the logging call, every
 * event that arrives is valid under Mixpanel's schema, and every other one is counted as invalid:
 * exactly those with a blank name or a value that cannot fit in 1 MB.
 */
class BadInputFaultTest {
    private static final long SEED = 1_234_567L;
    private static final int CASES = 1200;

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void badInputNeverThrowsAndEveryEventArrivesValidOrIsCountedInvalid() {
        List<BadCase> cases = new BadInputs(SEED).generate(CASES);
        logback = fixture.configure("fault-bad-input.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();

        List<String> thrown = new ArrayList<>();
        long started = System.nanoTime();
        for (BadCase badCase : cases) {
            try {
                badCase.log(log);
            } catch (Throwable t) {
                thrown.add(badCase + ": " + t);
            }
        }
        logback.stop();
        long took = System.nanoTime() - started;

        assertEquals(List.of(), thrown, "exceptions that reached the logging call");
        assertEquals(List.of(), server.violations(), "events that arrived invalid");
        Set<Integer> arrived = new TreeSet<>();
        for (JsonNode event : server.ingestedEvents()) {
            arrived.add(Integer.parseInt(event.path("properties").path(BadCase.CASE_KEY).asText()));
        }
        Set<Integer> expected = cases.stream().filter(c -> c.expectValid).map(c -> c.index).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, arrived, "the events that arrived: exactly those that can be made valid");
        assertEquals(CASES, arrived.size() + stats.dropped(DropReason.INVALID), stats::toString);
        assertEquals(stats.dropped(DropReason.INVALID), stats.droppedTotal(), stats::toString);
        assertEquals(arrived.size(), stats.delivered());
        assertTrue(logback.messages(Status.ERROR).isEmpty(), logback::statusText);
        long explosive = cases.stream().filter(c -> c.kinds.contains("explosive")).count();
        long overLimit = cases.stream().filter(c -> c.pairs.size() > 254).count();
        Figures.report("bad input", CASES + " generated calls (seed " + SEED + "): 0 exceptions; " + arrived.size()
                + " arrived, all valid under the schema; " + stats.dropped(DropReason.INVALID) + " counted invalid ("
                + (CASES - arrived.size() - explosive) + " blank names, " + explosive + " values that cannot fit in 1 MB); "
                + overLimit + " calls with more than 254 pairs; " + totalAdjustments(stats) + " adjustments counted; "
                + Figures.millis(took) + " ms");
    }

    private static long totalAdjustments(MixlogStats stats) {
        long total = 0;
        for (dev.mixlog.core.diag.Adjustment adjustment : dev.mixlog.core.diag.Adjustment.values()) {
            total += stats.adjusted(adjustment);
        }
        return total;
    }
}
