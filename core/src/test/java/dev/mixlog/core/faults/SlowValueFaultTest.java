package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.core.config.Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A value whose {@code toString()} is slow runs on the consumer, not on the logging thread: the call
 * stays cheap, the events behind it wait and are delivered, and the delay is reported with its length.
 * What counts is the consumer's CPU time: a busy machine that merely did not run the consumer is not
 * reported, a value that computes for long is.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class SlowValueFaultTest {
    private static final long SLOW_MILLIS = 300;
    private static final int EVENTS = 1000;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aSlowToStringDelaysDeliveryAndIsReported() {
        Object slow = new Object() {
            @Override
            public String toString() {
                // a toString() that computes for long: 300 ms of this thread's CPU, however busy the machine
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS);
                long spins = 0;
                while (threads.getCurrentThreadCpuTime() < until) {
                    spins++;
                }
                return "rendered at last after " + spins;
            }
        };
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server))) {
            long started = System.nanoTime();
            pipeline.log(TestEvent.numbered(0).with("report", slow));
            pipeline.logNumbered(1, EVENTS);
            long loggingNanos = System.nanoTime() - started;
            pipeline.awaitSettled(EVENTS);

            pipeline.assertLedger(EVENTS, server);
            assertEquals(EVENTS, pipeline.stats().delivered());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(loggingNanos) < SLOW_MILLIS,
                    "the logging calls did not wait for toString(): " + loggingNanos + " ns");
            List<String> reports = pipeline.status().containing("a slow toString() of a logged value?");
            assertEquals(1, reports.size(), pipeline.status()::toString);
            assertTrue(reports.get(0).matches("(?s).*took [0-9]{3,} ms.*"), reports::toString);
            assertFalse(reports.get(0).contains("rendered at last"));
            Figures.report("slow toString()", "one value taking " + SLOW_MILLIS + " ms ahead of " + (EVENTS - 1)
                    + " events: the " + EVENTS + " logging calls took " + Figures.millis(loggingNanos)
                    + " ms in all; all delivered; reported once: " + reports.get(0).replaceAll(".*\\]: ", ""));
        }
    }

    /**
     * A machine too busy to run the consumer for a while (here the whole process is stopped for
     * 300 ms, three times, while events stream in) is no slow value: nothing is reported, since the
     * consumer's CPU time did not grow. Such pauses once drew "took 107-224 ms" warnings for plain values.
     */
    @Test
    void aMachineThatDoesNotRunTheConsumerForAWhileIsNotReportedAsASlowValue() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/sh")), "a shell to stop and continue this process");
        long pid = ProcessHandle.current().pid();
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, "262144"))) {
            Process pauses = new ProcessBuilder("/bin/sh", "-c", "for i in 1 2 3; do sleep 0.2; kill -STOP " + pid
                    + "; sleep 0.3; kill -CONT " + pid + "; done").redirectErrorStream(true).start();
            int logged = 0;
            try {
                // as fast as it goes: the consumer is busy with events (in the ring's size) whenever the process stops
                while (pauses.isAlive()) {
                    pipeline.log(TestEvent.numbered(logged++));
                }
            } finally {
                if (!pauses.waitFor(30, TimeUnit.SECONDS)) {
                    pauses.destroyForcibly();
                }
                new ProcessBuilder("/bin/sh", "-c", "kill -CONT " + pid).start().waitFor(30, TimeUnit.SECONDS);
            }
            assertEquals(0, pauses.exitValue(), "the pauses were made");
            pipeline.awaitSettled(logged);

            pipeline.assertLedger(logged, server);
            assertEquals(List.of(), pipeline.status().containing("a slow toString() of a logged value?"));
            Figures.report("a process not run for 300 ms, three times", logged + " plain events logged meanwhile: "
                    + "no slow-value warning; all settled");
        }
    }
}
