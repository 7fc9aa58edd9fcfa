package dev.mixlog.examples;

import dev.mixlog.examples.receiver.LocalMixpanelReceiver;
import dev.mixlog.examples.receiver.ReceiverStats;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Mixlog's demo: a small shop service that logs product events, user-profile updates and company
 * (group) updates, and the Mixpanel appender that sends them to Mixpanel. By default it logs through
 * SLF4J and Logback ({@code logback.xml}); with {@code --log4j2}, the same traffic through the Log4j2
 * API ({@code log4j2-demo.xml}). Without {@code MIXPANEL_TOKEN} in the environment everything goes to
 * an embedded Mixpanel-compatible receiver on 127.0.0.1; with it, to Mixpanel. Run it with
 * {@code mvn -q -DskipTests install && mvn -q -pl examples exec:java}, adding
 * {@code -Dexec.args=--log4j2} for Log4j2.
 */
public final class DemoService {
    /** The system property both configuration files read as {@code baseUrl}. */
    static final String BASE_URL_PROPERTY = "MIXLOG_BASE_URL";
    static final long SEED = 7L;
    static final int USERS = 10;

    private DemoService() {
    }

    /**
     * Runs the demo on the framework the arguments choose ({@code --logback}, the default, or
     * {@code --log4j2}); exits with status 1 when not every product event was delivered, 2 when the
     * demo could not run.
     */
    public static void main(String[] args) {
        LoggingFramework framework;
        try {
            framework = LoggingFramework.fromArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (!run(System.out, System.getenv(), framework).allDelivered()) {
                System.exit(1);
            }
        } catch (IOException e) {
            System.err.println("could not start the embedded receiver: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the demo on Logback with the process environment and prints the summary to {@code out}. */
    public static DemoSummary run(PrintStream out) throws IOException {
        return run(out, System.getenv());
    }

    /** Runs the demo on Logback; see {@link #run(PrintStream, Map, LoggingFramework)}. */
    public static DemoSummary run(PrintStream out, Map<String, String> environment) throws IOException {
        return run(out, environment, LoggingFramework.LOGBACK);
    }

    /**
     * Runs the demo on {@code framework}, deciding from {@code environment} whether to start the
     * embedded receiver (the appender itself still reads its settings through the framework's
     * configuration file), and prints the summary to {@code out}.
     */
    public static DemoSummary run(PrintStream out, Map<String, String> environment, LoggingFramework framework)
            throws IOException {
        DemoTarget target = DemoTarget.from(environment);
        String previousBaseUrl = System.getProperty(BASE_URL_PROPERTY);
        LocalMixpanelReceiver receiver = target.local() ? LocalMixpanelReceiver.start() : null;
        try {
            long propertiesSetAt = System.currentTimeMillis();
            if (receiver != null) {
                System.setProperty(BASE_URL_PROPERTY, receiver.baseUrl().toString());
            }
            out.println("Mixlog demo: sending product events to " + target.describe());
            out.println("  logging through " + framework.description());
            if (receiver != null) {
                out.println("  receiver listening at " + receiver.baseUrl() + " (POST /import, /track, /engage, /groups)");
            }
            out.println();
            LoggingSetup logging = framework.configure(propertiesSetAt);
            long start = System.nanoTime();
            TrafficTally logged = new ShopTraffic(logging.shopLog(), SEED, USERS).run();
            logging.stop();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            ReceiverStats received = receiver == null ? null : receiver.stats();
            DemoSummary summary = new DemoSummary(target, framework, logged, received, logging.appenderStats(),
                    logging.problems(), elapsed);
            new SummaryReport(out).print(summary);
            out.flush();
            return summary;
        } finally {
            restoreBaseUrl(previousBaseUrl);
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private static void restoreBaseUrl(String previous) {
        if (previous == null) {
            System.clearProperty(BASE_URL_PROPERTY);
        } else {
            System.setProperty(BASE_URL_PROPERTY, previous);
        }
    }
}
