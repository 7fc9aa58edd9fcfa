package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The counters and gauges are JMX attributes of {@code dev.mixlog:type=Appender,name="<appender>"}
 * while the appender runs, every drop reason among them.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class JmxFaultTest {
    private static final MBeanServer PLATFORM = ManagementFactory.getPlatformMBeanServer();

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    private static ObjectName nameOf(String appender) throws JMException {
        return new ObjectName("dev.mixlog:type=Appender,name=" + ObjectName.quote(appender));
    }

    private static long attribute(ObjectName name, String attribute) throws JMException {
        return (Long) PLATFORM.getAttribute(name, attribute);
    }

    private static long backlogOverJmx(ObjectName name) {
        try {
            return attribute(name, "RingBacklog");
        } catch (JMException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    @Test
    void countersAndGaugesAreReadableOverJmx() throws JMException {
        server.hang();
        ObjectName name = nameOf("fault-jmx");
        Pipeline pipeline = Pipeline.start(Pipeline.settings(server).name("fault-jmx").text(Settings.JMX, "true")
                .text(Settings.RING_BUFFER_SIZE, "64").text(Settings.DISCARD_THRESHOLD, "16").text(Settings.MAX_BATCH_EVENTS, "8").text(Settings.MAX_IN_FLIGHT, "1").text(Settings.REQUEST_TIMEOUT, "1min"));
        MixlogStats stats = pipeline.stats();
        pipeline.log(new TestEvent("", false, Map.of(), 0));
        int logged = 1;
        for (int seq = 0; stats.dropped(DropReason.RING_FULL) < 5; seq++, logged++) {
            pipeline.log(TestEvent.numbered(seq, seq % 2 == 1));
        }
        Await.until(Duration.ofSeconds(30), () -> stats.dropped(DropReason.INVALID) == 1, () -> "the empty name counted: " + stats);

        assertTrue(PLATFORM.isRegistered(name));
        assertEquals(1, attribute(name, "DroppedInvalid"));
        assertEquals(stats.dropped(DropReason.DISCARDED), attribute(name, "DroppedDiscarded"));
        assertTrue(attribute(name, "DroppedDiscarded") > 0);
        assertEquals(5, attribute(name, "DroppedRingFull"));
        // the consumer may still be taking its second batch: compare once the backlog holds still across the read
        Await.until(Duration.ofSeconds(30), () -> {
            long before = stats.ringBacklog();
            long read = backlogOverJmx(name);
            return read == before && stats.ringBacklog() == before;
        }, () -> "RingBacklog over JMX equal to the stats: " + stats);
        // the consumer took at most the invalid event and two batches of 8 before blocking on the hung sender
        assertTrue(attribute(name, "RingBacklog") >= 64 - 1 - 2 * 8, "the ring is nearly full");
        assertEquals(0, attribute(name, "BufferedBytes"));
        assertEquals(stats.droppedTotal(), attribute(name, "DroppedTotal"));
        assertEquals(0, attribute(name, "Delivered"));
        // a hung server answers nothing: no rate limit, nothing past the hot-shard limit
        assertEquals(0.0, PLATFORM.getAttribute(name, "SendRateLimit"));
        assertEquals(0, attribute(name, "RateLimitedMillis"));
        assertEquals(0, attribute(name, "PastHotShardLimit"));
        assertEquals(0, attribute(name, "DroppedHotShard"));

        server.release();
        pipeline.awaitSettled(logged);
        pipeline.assertLedger(logged, server);
        assertEquals(stats.delivered(), attribute(name, "Delivered"));
        assertEquals(logged - 1, attribute(name, "Delivered") + attribute(name, "DroppedDiscarded") + attribute(name, "DroppedRingFull"));
        assertEquals(stats.captured(), attribute(name, "Captured"));
        assertEquals(stats.requests(), attribute(name, "Requests"));
        assertEquals(0, attribute(name, "RingBacklog"));

        pipeline.close();
        assertFalse(PLATFORM.isRegistered(name));
    }

    @Test
    void stoppingAnEarlierAppenderOfTheSameNameLeavesTheLaterOnesRegistration() throws JMException {
        ObjectName name = nameOf("fault-jmx-twice");
        Pipeline first = Pipeline.start(Pipeline.settings(server).name("fault-jmx-twice").text(Settings.JMX, "true"));
        Pipeline second = Pipeline.start(Pipeline.settings(server).name("fault-jmx-twice").text(Settings.JMX, "true"));
        second.logNumbered(0, 3);
        second.awaitSettled(3);

        first.close();
        assertTrue(PLATFORM.isRegistered(name));
        assertEquals(3, attribute(name, "Delivered"));
        second.close();
        assertFalse(PLATFORM.isRegistered(name));
    }
}
