package dev.mixlog.examples;

import dev.mixlog.examples.receiver.LocalMixpanelReceiver;
import dev.mixlog.examples.receiver.ReceiverStats;
import dev.mixlog.logback.MixpanelAppender;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Mixlog's demo: a small shop service that logs product events through SLF4J and Logback, and the
 * Mixpanel appender from {@code logback.xml} that turns them into Mixpanel events. Without
 * {@code MIXPANEL_TOKEN} in the environment the events go to an embedded Mixpanel-compatible
 * receiver on 127.0.0.1; with it they go to Mixpanel. Run it with
 * {@code mvn -q -DskipTests install && mvn -q -pl examples exec:java}.
 */
public final class DemoService {
    /** The system property {@code logback.xml} reads as {@code baseUrl}. */
    static final String BASE_URL_PROPERTY = "MIXLOG_BASE_URL";
    static final long SEED = 7L;
    static final int USERS = 10;

    private DemoService() {
    }

    /** Runs the demo; exits with status 1 when not every product event was delivered. */
    public static void main(String[] args) {
        try {
            if (!run(System.out).allDelivered()) {
                System.exit(1);
            }
        } catch (IOException e) {
            System.err.println("could not start the embedded receiver: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the demo with the process environment and prints the summary to {@code out}. */
    public static DemoSummary run(PrintStream out) throws IOException {
        return run(out, System.getenv());
    }

    /**
     * Runs the demo, deciding from {@code environment} whether to start the embedded receiver (the
     * appender itself still reads its settings through {@code logback.xml}).
     */
    public static DemoSummary run(PrintStream out, Map<String, String> environment) throws IOException {
        DemoTarget target = DemoTarget.from(environment);
        String previousBaseUrl = System.getProperty(BASE_URL_PROPERTY);
        LocalMixpanelReceiver receiver = target.local() ? LocalMixpanelReceiver.start() : null;
        try {
            long propertiesSetAt = System.currentTimeMillis();
            if (receiver != null) {
                System.setProperty(BASE_URL_PROPERTY, receiver.baseUrl().toString());
            }
            out.println("Mixlog demo: sending product events to " + target.describe());
            if (receiver != null) {
                out.println("  receiver listening at " + receiver.baseUrl() + " (POST /import, POST /track)");
            }
            out.println();
            LogbackSetup logback = LogbackSetup.configure(propertiesSetAt);
            MixpanelAppender appender = logback.mixpanelAppender();
            long start = System.nanoTime();
            TrafficTally logged = new ShopTraffic(SEED, USERS).run();
            logback.stop();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            ReceiverStats received = receiver == null ? null : receiver.stats();
            DemoSummary summary = new DemoSummary(target, logged, received,
                    appender == null ? null : appender.getStats(), logback.problems(), elapsed);
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
