package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.Jdks;
import dev.mixlog.core.testing.RedeployScenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redeploying a web application that bundles Logback and Mixlog frees it: 20 deployments, each in a
 * class loader of its own whose parent is the platform loader, configured from XML, logging to a
 * loopback endpoint and stopped, on JDK 17 and on JDK 25; at least 19 of the 20 class loaders are
 * collected and Metaspace does not grow with the rounds, as in the control without Mixlog.
 */
class RedeployTest {
    private static final int ROUNDS = 20;
    private static final int CONTROL_ROUNDS = 5;
    private static final int EVENTS = RedeployScenario.EVENTS;
    /** What the web application bundles: Logback, SLF4J, Mixlog and its dependencies, and the test's own classes. */
    private static final String BUNDLED = String.join(",", "logback-classic", "logback-core", "slf4j-api", "disruptor",
            "jackson-core", "mixlog-core-", Path.of("core", "target", "classes").toString(),
            Path.of("logback-appender", "target", "classes").toString(),
            Path.of("logback-appender", "target", "test-classes").toString());
    /** Metaspace one deployment of Logback and Mixlog takes (about 3 MB): growth above it means a deployment stayed. */
    private static final long ONE_DEPLOYMENT_METASPACE = 2L * 1024 * 1024;

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aRedeployedWebApplicationIsCollected(int jdk) throws Exception {
        Path home = Jdks.find(jdk).orElseThrow(() -> new AssertionError("no JDK " + jdk + " found: set JAVA" + jdk + "_HOME"));

        ChildJvm.Result control = ChildJvm.run(home, RedeployScenario.class, List.of("-Xmx256m"),
                RedeployedWebApp.class.getName(), "redeploy-control.xml", String.valueOf(CONTROL_ROUNDS), BUNDLED);
        assertEquals(0, control.exitCode, control.output);
        assertEquals(CONTROL_ROUNDS, control.number("collected"), "the control without Mixlog:\n" + control.output);

        ChildJvm.Result mixlog = ChildJvm.run(home, RedeployScenario.class, List.of("-Xmx256m"),
                RedeployedWebApp.class.getName(), "redeploy.xml", String.valueOf(ROUNDS), BUNDLED);
        assertEquals(0, mixlog.exitCode, mixlog.output);
        assertTrue(mixlog.line("java").startsWith(String.valueOf(jdk)), mixlog.output);
        assertEquals((long) ROUNDS * EVENTS, mixlog.number("delivered"), mixlog.output);
        assertEquals((long) ROUNDS * EVENTS, mixlog.number("ingested"), mixlog.output);
        long collected = mixlog.number("collected");
        assertTrue(collected >= ROUNDS - 1, () -> collected + " of " + ROUNDS + " class loaders collected:\n" + mixlog.output);
        long growth = mixlog.number("metaspaceAfterAll") - mixlog.number("metaspaceAfterFirst");
        assertTrue(growth < ONE_DEPLOYMENT_METASPACE, () -> "Metaspace grew by " + growth + " B:\n" + mixlog.output);
        assertEquals(0, mixlog.number("mixlogThreads"), mixlog.output);
        Figures.report("redeploy, JDK " + jdk, ROUNDS + " deployments of Logback + Mixlog, each logging " + EVENTS
                + " events: " + collected + " of " + ROUNDS + " class loaders collected (control without Mixlog: "
                + control.number("collected") + " of " + CONTROL_ROUNDS + "); Metaspace after the first "
                + mixlog.number("metaspaceAfterFirst") / 1024 + " KiB, after all " + mixlog.number("metaspaceAfterAll") / 1024
                + " KiB; all " + ROUNDS * EVENTS + " events delivered; no Mixlog thread left");
    }
}
