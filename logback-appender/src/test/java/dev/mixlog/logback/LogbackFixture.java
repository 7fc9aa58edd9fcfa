package dev.mixlog.logback;

import dev.mixlog.core.testing.FaultyMixpanel;
import dev.mixlog.core.testing.MockMixpanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback Mixpanel for one test, and the Logback configurations the test loads against it
 * ({@code ${mockUrl}} set to the server's URL); all of them are stopped and closed after the test.
 * Registered as {@code @RegisterExtension final LogbackFixture<FaultyMixpanel> fixture = LogbackFixture.faultyMixpanel();}.
 */
final class LogbackFixture<S extends AutoCloseable> implements AfterEachCallback {
    private final S server;
    private final Function<S, String> url;
    private final List<LogbackHarness> loaded = new ArrayList<>();

    private LogbackFixture(S server, Function<S, String> url) {
        this.server = server;
        this.url = url;
    }

    /** With a server that injects faults and keeps what it ingested. */
    static LogbackFixture<FaultyMixpanel> faultyMixpanel() {
        return new LogbackFixture<>(FaultyMixpanel.start(), FaultyMixpanel::url);
    }

    /** With a server that records requests for exact checks. */
    static LogbackFixture<MockMixpanel> mockMixpanel() {
        return new LogbackFixture<>(MockMixpanel.start(), MockMixpanel::url);
    }

    S server() {
        return server;
    }

    /** Loads {@code logback/<configuration>} with {@code ${mockUrl}} set to the server's URL. */
    LogbackHarness configure(String configuration) {
        return configure(configuration, Map.of("mockUrl", url.apply(server)));
    }

    /** Loads {@code logback/<configuration>} with these context properties. */
    LogbackHarness configure(String configuration, Map<String, String> properties) {
        LogbackHarness harness = LogbackHarness.configure(configuration, properties);
        loaded.add(harness);
        return harness;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (LogbackHarness harness : loaded) {
            harness.close();
        }
        server.close();
    }
}
