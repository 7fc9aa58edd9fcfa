package dev.mixlog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The check both appenders' redeploy tests make: on one JDK, a control web application without
 * Mixlog is deployed {@value #CONTROL_ROUNDS} times and one with Mixlog {@value #ROUNDS} times by
 * {@link RedeployScenario}; at least all but one of the class loaders are collected, Metaspace does
 * not grow with the rounds, every event is delivered and no Mixlog thread is left.
 */
public final class RedeployCheck {
    public static final int ROUNDS = 20;
    public static final int CONTROL_ROUNDS = 5;
    /** Metaspace one deployment of a framework and Mixlog takes (about 3 MB): growth above it means a deployment stayed. */
    private static final long ONE_DEPLOYMENT_METASPACE = 2L * 1024 * 1024;

    private RedeployCheck() {
    }

    /**
     * Runs the control and the Mixlog deployments on JDK {@code jdk} and asserts; returns the figures.
     *
     * @param webappClass the class with {@code deploy(String, String, int)} that the scenario loads
     * @param bundled what the web application bundles (parts of class-path entries)
     * @param jvmOptions options of the child JVM (heap, web-application mode)
     */
    public static String assertFreed(int jdk, String webappClass, String configuration, String controlConfiguration,
                                     List<String> bundled, List<String> jvmOptions) throws Exception {
        Path home = Jdks.find(jdk).orElseThrow(() -> new AssertionError("no JDK " + jdk + " found: set JAVA" + jdk + "_HOME"));
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xmx256m");
        String classPathParts = String.join(",", bundled);

        ChildJvm.Result control = ChildJvm.run(home, RedeployScenario.class, options, webappClass, controlConfiguration,
                String.valueOf(CONTROL_ROUNDS), classPathParts);
        assertEquals(0, control.exitCode, control.output);
        assertEquals(CONTROL_ROUNDS, control.number("collected"), "the control without Mixlog:\n" + control.output);

        ChildJvm.Result mixlog = ChildJvm.run(home, RedeployScenario.class, options, webappClass, configuration,
                String.valueOf(ROUNDS), classPathParts);
        long events = (long) ROUNDS * RedeployScenario.EVENTS;
        assertEquals(0, mixlog.exitCode, mixlog.output);
        assertTrue(mixlog.line("java").startsWith(String.valueOf(jdk)), mixlog.output);
        assertEquals(events, mixlog.number("delivered"), mixlog.output);
        assertEquals(events, mixlog.number("ingested"), mixlog.output);
        long collected = mixlog.number("collected");
        assertTrue(collected >= ROUNDS - 1, () -> collected + " of " + ROUNDS + " class loaders collected:\n" + mixlog.output);
        long growth = mixlog.number("metaspaceAfterAll") - mixlog.number("metaspaceAfterFirst");
        assertTrue(growth < ONE_DEPLOYMENT_METASPACE, () -> "Metaspace grew by " + growth + " B:\n" + mixlog.output);
        assertEquals(0, mixlog.number("mixlogThreads"), mixlog.output);
        return ROUNDS + " deployments, each logging " + RedeployScenario.EVENTS + " events: " + collected + " of " + ROUNDS
                + " class loaders collected (control without Mixlog: " + control.number("collected") + " of "
                + CONTROL_ROUNDS + "); Metaspace after the first " + mixlog.number("metaspaceAfterFirst") / 1024
                + " KiB, after all " + mixlog.number("metaspaceAfterAll") / 1024 + " KiB; all " + events
                + " events delivered; no Mixlog thread left";
    }
}
