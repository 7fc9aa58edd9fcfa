package dev.mixlog.log4j2;

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
 * Redeploying a web application that bundles Log4j2 and Mixlog frees it: 20 deployments, each in a
 * class loader of its own, started with {@code Configurator.initialize} and ended with
 * {@code Configurator.shutdown} in web-application mode ({@code log4j2.isWebapp=true}, as in a servlet
 * container), on JDK 17 and on JDK 25: at least 19 of the 20 class loaders are collected and Metaspace
 * does not grow with the rounds, as in the control without Mixlog.
 */
class RedeployTest {
    private static final int ROUNDS = 20;
    private static final int CONTROL_ROUNDS = 5;
    private static final int EVENTS = RedeployScenario.EVENTS;
    private static final long ONE_DEPLOYMENT_METASPACE = 2L * 1024 * 1024;
    /** What the web application bundles: Log4j2, Mixlog and its dependencies, and the test's own classes. */
    private static final String BUNDLED = String.join(",", "log4j-api", "log4j-core", "disruptor", "jackson-core",
            "mixlog-core-", Path.of("core", "target", "classes").toString(),
            Path.of("log4j2-appender", "target", "classes").toString(),
            Path.of("log4j2-appender", "target", "test-classes").toString());
    private static final List<String> WEBAPP_MODE = List.of("-Xmx256m", "-Dlog4j2.isWebapp=true");

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aRedeployedWebApplicationIsCollected(int jdk) throws Exception {
        Path home = Jdks.find(jdk).orElseThrow(() -> new AssertionError("no JDK " + jdk + " found: set JAVA" + jdk + "_HOME"));

        ChildJvm.Result control = ChildJvm.run(home, RedeployScenario.class, WEBAPP_MODE,
                RedeployedLog4j2App.class.getName(), "log4j2-redeploy-control.xml", String.valueOf(CONTROL_ROUNDS), BUNDLED);
        assertEquals(0, control.exitCode, control.output);
        assertEquals(CONTROL_ROUNDS, control.number("collected"), "the control without Mixlog:\n" + control.output);

        ChildJvm.Result mixlog = ChildJvm.run(home, RedeployScenario.class, WEBAPP_MODE,
                RedeployedLog4j2App.class.getName(), "log4j2-redeploy.xml", String.valueOf(ROUNDS), BUNDLED);
        assertEquals(0, mixlog.exitCode, mixlog.output);
        assertTrue(mixlog.line("java").startsWith(String.valueOf(jdk)), mixlog.output);
        assertEquals((long) ROUNDS * EVENTS, mixlog.number("delivered"), mixlog.output);
        assertEquals((long) ROUNDS * EVENTS, mixlog.number("ingested"), mixlog.output);
        long collected = mixlog.number("collected");
        assertTrue(collected >= ROUNDS - 1, () -> collected + " of " + ROUNDS + " class loaders collected:\n" + mixlog.output);
        long growth = mixlog.number("metaspaceAfterAll") - mixlog.number("metaspaceAfterFirst");
        assertTrue(growth < ONE_DEPLOYMENT_METASPACE, () -> "Metaspace grew by " + growth + " B:\n" + mixlog.output);
        assertEquals(0, mixlog.number("mixlogThreads"), mixlog.output);
        Figures.report("redeploy (Log4j2), JDK " + jdk, ROUNDS + " deployments of Log4j2 + Mixlog, each logging " + EVENTS
                + " events: " + collected + " of " + ROUNDS + " class loaders collected (control without Mixlog: "
                + control.number("collected") + " of " + CONTROL_ROUNDS + "); Metaspace after the first "
                + mixlog.number("metaspaceAfterFirst") / 1024 + " KiB, after all " + mixlog.number("metaspaceAfterAll") / 1024
                + " KiB; all " + ROUNDS * EVENTS + " events delivered; no Mixlog thread left");
    }
}
