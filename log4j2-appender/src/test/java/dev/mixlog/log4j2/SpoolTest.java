package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool through Log4j2's own shutdown: a job whose endpoint is down ends with
 * {@code LogManager.shutdown()} (Log4j2's 50 ms stop timeout) and keeps every event in the spool;
 * the next run delivers them with its own, each once.
 */
class SpoolTest {
    private static final int EVENTS = 5000;

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

    private static List<String> options(LoopbackMixpanel server, Path spool, String shutdownTimeout) throws Exception {
        return List.of("-Xmx256m", "-DmockUrl=" + server.url(), "-DspoolDir=" + spool, "-DshutdownTimeout=" + shutdownTimeout,
                "-Dlog4j2.configurationFile=" + Path.of(SpoolTest.class.getResource("/log4j2-spool.xml").toURI()));
    }
}
