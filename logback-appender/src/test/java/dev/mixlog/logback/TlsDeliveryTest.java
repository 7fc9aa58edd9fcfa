package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.LoopbackTls;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that sends over TLS, as every production service does: a child JVM configured by its
 * {@code logback.xml}, trusting the loopback server's certificate through the JDK's own
 * {@code javax.net.ssl.trustStore} properties, logs and exits; the shutdown hook settles every event.
 */
class TlsDeliveryTest {
    private static final int EVENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void everyEventArrivesOverTlsAndTheHookSettlesThemAtExit() throws Exception {
        try (LoopbackTls server = LoopbackTls.start(dir, 1024)) {
            Map<String, String> properties = new HashMap<>();
            properties.put("mockUrl", server.url());
            properties.put("javax.net.ssl.trustStore", server.trustStore().toString());
            properties.put("javax.net.ssl.trustStorePassword", LoopbackTls.PASSWORD);
            properties.put("javax.net.ssl.trustStoreType", "PKCS12");

            ChildJvm.Result child = ForkedLogback.run("fault-hook.xml", properties, "exit", String.valueOf(EVENTS));

            assertEquals(0, child.exitCode, child.output);
            assertEquals(EVENTS, server.events(), child.output);
            assertTrue(child.output.contains("stopped: captured=" + EVENTS + " delivered=" + EVENTS), child.output);
            Figures.report("TLS", "a child JVM logged " + EVENTS + " events to an HTTPS loopback server and exited: all "
                    + EVENTS + " arrived, delivered by the shutdown hook");
        }
    }

    @Test
    void anUntrustedCertificateDeliversNothingAndTheLossIsCountedAtExit() throws Exception {
        try (LoopbackTls server = LoopbackTls.start(dir, 1024)) {
            ChildJvm.Result child = ForkedLogback.run("fault-hook.xml",
                    Map.of("mockUrl", server.url(), "shutdownTimeout", "2s"), "exit", String.valueOf(EVENTS));

            assertEquals(0, child.exitCode, child.output);
            assertEquals(0, server.events(), child.output);
            assertTrue(child.output.contains(EVENTS + " events were not delivered before shutdownTimeout (PT2S)"), child.output);
        }
    }
}
