package dev.mixlog.logback;

import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.MDC;

/**
 * A loopback Mixpanel for one test, and the Logback configurations the test loads against it
 * ({@code ${mockUrl}} set to the server's URL); all of them are stopped and closed after the test,
 * and the MDC cleared.
 * Registered as {@code @RegisterExtension final LogbackFixture fixture = new LogbackFixture();}.
 */
final class LogbackFixture implements AfterEachCallback {
    private final LoopbackMixpanel server = LoopbackMixpanel.start();
    private final List<LogbackHarness> loaded = new ArrayList<>();

    LoopbackMixpanel server() {
        return server;
    }

    /** Loads {@code logback/<configuration>} with {@code ${mockUrl}} set to the server's URL. */
    LogbackHarness configure(String configuration) {
        return configure(configuration, Map.of("mockUrl", server.url()));
    }

    /** As {@link #configure(String)}, once every Mixlog thread of earlier tests has ended (for tests that count threads). */
    LogbackHarness configureAlone(String configuration) {
        Await.until(() -> LogbackHarness.mixlogThreads().isEmpty(), "earlier tests' threads ended");
        return configure(configuration);
    }

    /** Loads {@code logback/<configuration>} with these context properties. */
    LogbackHarness configure(String configuration, Map<String, String> properties) {
        LogbackHarness harness = LogbackHarness.configure(configuration, properties);
        loaded.add(harness);
        return harness;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        MDC.clear();
        for (LogbackHarness harness : loaded) {
            harness.close();
        }
        server.close();
    }
}
