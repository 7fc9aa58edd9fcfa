package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job that logs and then ends logging as command-line and batch jobs do: {@code LogManager.shutdown()}
 * (which passes Log4j2's 50 ms stop timeout) or {@code Configurator.shutdown(context)}, with plain and
 * with async loggers, in a JVM of its own. Every event arrives; with the endpoint down, the shutdown
 * returns within the appender's {@code shutdownTimeout} and the loss is printed with its exact count
 * although the configuration sets no {@code status} level.
 */
class ShutdownTest {
    private static final int EVENTS = 5000;
    private static final String ASYNC_SELECTOR = "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";

    @ParameterizedTest(name = "{0}, async loggers: {1}")
    @CsvSource({"logmanager, false", "configurator, false", "logmanager, true"})
    void everyEventArrivesWhenTheJobShutsLog4j2Down(String how, boolean asyncLoggers) throws Exception {
        try (LoopbackMixpanel server = LoopbackMixpanel.start()) {
            ChildJvm.Result child = ChildJvm.run(ForkedLog4j2.class, options(server, asyncLoggers, "10s"), how,
                    String.valueOf(EVENTS));

            assertEquals(0, child.exitCode, child.output);
            assertEquals(asyncLoggers ? "AsyncLoggerContext" : "LoggerContext", child.line("context"));
            assertEquals(EVENTS, child.number("delivered"), child.output);
            assertEquals(0, child.number("dropped"), child.output);
            assertEquals(EVENTS, server.ingestedCount(), child.output);
            assertEquals(List.of(), server.violations());
            Figures.report("Log4j2 " + how + " shutdown" + (asyncLoggers ? ", async loggers" : ""), EVENTS
                    + " events logged, then shutdown at once: all " + EVENTS + " arrived; the shutdown took "
                    + child.number("shutdownMillis") + " ms");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"logmanager", "configurator"})
    void withTheEndpointDownTheShutdownEndsInTimeAndPrintsTheExactLoss(String how) throws Exception {
        LoopbackMixpanel server = LoopbackMixpanel.start();
        server.down();
        try {
            ChildJvm.Result child = ChildJvm.run(ForkedLog4j2.class, options(server, false, "2s"), how,
                    String.valueOf(EVENTS));

            assertEquals(0, child.exitCode, child.output);
            long took = child.number("shutdownMillis");
            assertTrue(took < 2000 + 1500, () -> "shutdown took " + took + " ms, shutdownTimeout 2 s");
            assertEquals(EVENTS, child.number("dropped"), child.output);
            assertTrue(child.output.contains(EVENTS + " events were not delivered before shutdownTimeout (PT2S)"),
                    child.output);
            assertTrue(!child.output.contains("test-token"), child.output);
            Figures.report("Log4j2 " + how + " shutdown, endpoint down", EVENTS + " events: the shutdown returned after "
                    + took + " ms (shutdownTimeout 2 s); the loss of " + EVENTS + " printed on standard error without status=\"warn\"");
        } finally {
            server.close();
        }
    }

    private static List<String> options(LoopbackMixpanel server, boolean asyncLoggers, String shutdownTimeout)
            throws Exception {
        List<String> options = new ArrayList<>();
        options.add("-Xmx256m");
        options.add("-DmockUrl=" + server.url());
        options.add("-DshutdownTimeout=" + shutdownTimeout);
        options.add("-Dlog4j2.configurationFile=" + Path.of(ShutdownTest.class.getResource("/log4j2-shutdown.xml").toURI()));
        if (asyncLoggers) {
            options.add(ASYNC_SELECTOR);
        }
        return options;
    }
}
