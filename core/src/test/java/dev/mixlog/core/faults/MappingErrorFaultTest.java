package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.ThrowingValues;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An {@code Error} raised while the consumer maps one event (here by the event's own pairs, read on
 * the consumer thread) drops that event alone, counted as invalid and reported once per interval;
 * the consumer goes on with the events around it.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class MappingErrorFaultTest {
    private static final int EVENTS = 1000;
    private static final int BAD_EVERY = 100;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    /** Pairs whose reading throws, as a framework's own structure might. */
    private static final class ThrowingPairs extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            throw new ThrowingValues.Killed("pairs unreadable");
        }
    }

    @Test
    void anErrorWhileMappingOneEventDropsThatEventAlone() {
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server))) {
            BitSet good = new BitSet();
            for (int seq = 0; seq < EVENTS; seq++) {
                boolean bad = seq % BAD_EVERY == 0;
                TestEvent event = bad ? new TestEvent(TestEvent.NAME, false, new ThrowingPairs(), 0) : TestEvent.numbered(seq);
                assertTrue(pipeline.log(event));
                if (!bad) {
                    good.set(seq);
                }
            }
            pipeline.awaitSettled(EVENTS);

            MixlogStats stats = pipeline.stats();
            pipeline.assertLedger(EVENTS, server);
            assertEquals(EVENTS / BAD_EVERY, stats.dropped(DropReason.INVALID), stats::toString);
            assertEquals(EVENTS - EVENTS / BAD_EVERY, stats.delivered(), stats::toString);
            assertEquals(good, Pipeline.seqs(server.acceptedEvents()), "every good event arrived");
            List<String> reports = pipeline.status().containing("could not turn a log event into a Mixpanel event");
            assertEquals(1, reports.size(), pipeline.status()::toString);
            assertTrue(reports.get(0).contains("Killed"), reports::toString);
            Figures.report("Error while mapping", (EVENTS / BAD_EVERY) + " of " + EVENTS + " events threw "
                    + "ThrowingValues.Killed on the consumer: those counted invalid, the other "
                    + stats.delivered() + " delivered, one warning: " + reports.get(0).replaceAll(".*\\]: ", ""));
        }
    }
}
