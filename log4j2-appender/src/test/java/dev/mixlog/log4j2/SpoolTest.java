package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool through Log4j2's own shutdown: a job whose endpoint is down ends with
 * {@code LogManager.shutdown()} (Log4j2's 50 ms stop timeout) and keeps every event in the spool;
 * the next run delivers them with its own, each once. A reconfiguration hands the directory from the
 * old appender, once it has stopped, to the new one.
 */
class SpoolTest {
    private static final int EVENTS = 5000;
    private static final Marker EVENT = MixpanelMarkers.event("Page Viewed");

    @TempDir
    Path temp;

    @Test
    void aJobShutDownDuringAnOutageLeavesEveryEventToTheNextRun() throws Exception {
        Path spool = temp.resolve("spool");
        try (LoopbackMixpanel server = LoopbackMixpanel.start()) {
            server.down();
            ChildJvm.Result first = ChildJvm.run(ForkedLog4j2.class, options(server, spool, "1s"), "logmanager",
                    String.valueOf(EVENTS));

            assertEquals(0, first.exitCode, first.output);
            assertEquals(0, first.number("delivered"), first.output);
            assertEquals(0, first.number("dropped"), first.output);
            assertEquals(EVENTS, first.number("kept"), first.output);

            server.up();
            ChildJvm.Result second = ChildJvm.run(ForkedLog4j2.class, options(server, spool, "60s"), "logmanager", "500");

            assertEquals(0, second.exitCode, second.output);
            assertEquals(EVENTS, second.number("replayed"), second.output);
            assertEquals(EVENTS + 500, second.number("delivered"), second.output);
            assertEquals(0, second.number("dropped") + second.number("kept"), second.output);
            assertEquals(EVENTS + 500, server.ingestedCount(), "each $insert_id once");
            assertEquals(0, server.duplicatesIngested());
            assertEquals(List.of(), server.violations());
            try (Stream<Path> files = Files.list(spool)) {
                assertTrue(files.noneMatch(file -> file.toString().endsWith(".batch")));
            }
            Figures.report("Log4j2 LogManager.shutdown() in an outage, with a spool", EVENTS + " events: 0 dropped, "
                    + EVENTS + " kept; the next run delivered them and its own 500 (shutdown took "
                    + second.number("shutdownMillis") + " ms)");
        }
    }

    @Test
    void aReconfigurationHandsTheDirectoryToTheNewAppenderWhichSendsWhatTheOldOneKept() {
        Path spool = temp.resolve("spool");
        try (LoopbackMixpanel server = LoopbackMixpanel.start()) {
            server.down();
            System.setProperty("mockUrl", server.url());
            System.setProperty("spoolDir", spool.toString());
            LoggerContext context = TestContexts.start("log4j2-spool-reload.xml");
            try {
                Logger log = context.getLogger("com.example.web.Pages");
                MixlogStats old = TestContexts.mixpanel(context, "mixpanel").getStats();
                for (int seq = 0; seq < 1_000; seq++) {
                    log.info(EVENT, new MapMessage<>().with("seq", seq));
                }
                Await.until(() -> old.captured() == 1_000, "the first appender took every event");

                context.reconfigure();
                MixlogStats stats = TestContexts.mixpanel(context, "mixpanel").getStats();
                for (int seq = 1_000; seq < 1_500; seq++) {
                    log.info(EVENT, new MapMessage<>().with("seq", seq));
                }
                Await.until(Duration.ofSeconds(60), () -> old.keptInSpool() == 1_000 && stats.replayed() == 1_000,
                        () -> "the old appender kept its events and let go of the directory; the new one opened it: "
                                + old + " / " + stats);
                server.up();
                Await.until(Duration.ofSeconds(60), () -> stats.delivered() == 1_500, () -> "everything sent: " + stats);

                assertEquals(0, old.delivered() + old.droppedTotal(), old.toString());
                assertEquals(0, stats.droppedTotal() + stats.keptInSpool(), stats.toString());
                assertEquals(1_500, server.ingestedCount());
                assertEquals(0, server.duplicatesIngested());
            } finally {
                context.stop();
                System.clearProperty("spoolDir");
                System.clearProperty("mockUrl");
            }
        }
    }

    private static List<String> options(LoopbackMixpanel server, Path spool, String shutdownTimeout) throws Exception {
        return List.of("-Xmx256m", "-DmockUrl=" + server.url(), "-DspoolDir=" + spool, "-DshutdownTimeout=" + shutdownTimeout,
                "-Dlog4j2.configurationFile=" + Path.of(SpoolTest.class.getResource("/log4j2-spool.xml").toURI()));
    }
}
