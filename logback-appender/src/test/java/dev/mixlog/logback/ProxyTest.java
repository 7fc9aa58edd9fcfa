package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.ForwardProxy;
import dev.mixlog.core.testing.LoopbackTls;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * A service that reaches the internet only through a forward proxy: its Mixpanel host does not
 * resolve ({@link ForwardProxy#UNRESOLVABLE_HOST}), so every event that arrives went through the
 * proxy, chosen by the JVM's standard properties (a JVM of its own, as they are JVM-wide) or by the
 * {@code proxy} setting with Basic credentials. A wrong password is one clear report, and no output
 * shows it.
 */
class ProxyTest {
    private static final int EVENTS = 2_000;
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();

    @TempDir
    Path dir;

    @Test
    void theJvmsHttpProxyPropertiesCarryEveryEvent() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.to(URI.create(fixture.server().url()).getPort())) {
            Map<String, String> properties = new HashMap<>();
            properties.put("mockUrl", "http://" + ForwardProxy.UNRESOLVABLE_HOST);
            properties.put("http.proxyHost", "127.0.0.1");
            properties.put("http.proxyPort", String.valueOf(proxy.port()));

            ChildJvm.Result child = ForkedLogback.run("proxy-hook.xml", properties, "exit", String.valueOf(EVENTS));

            assertEquals(0, child.exitCode, child.output);
            assertTrue(child.output.contains("stopped: captured=" + EVENTS + " delivered=" + EVENTS), child.output);
            assertEquals(EVENTS, fixture.server().acceptedEvents().size());
            List<String> lines = proxy.requestLines();
            assertFalse(lines.isEmpty());
            lines.forEach(line -> assertTrue(line.startsWith("POST http://" + ForwardProxy.UNRESOLVABLE_HOST + "/import?"), line));
        }
    }

    @Test
    void overHttpsTheJvmsHttpsProxyTunnelsToAServerTrustedByTheJvmsTrustStoreProperties() throws Exception {
        try (LoopbackTls server = LoopbackTls.start(dir, 1024);
             ForwardProxy proxy = ForwardProxy.to(URI.create(server.url()).getPort())) {
            Map<String, String> properties = new HashMap<>();
            properties.put("mockUrl", "https://" + ForwardProxy.UNRESOLVABLE_HOST);
            properties.put("https.proxyHost", "127.0.0.1");
            properties.put("https.proxyPort", String.valueOf(proxy.port()));
            properties.put("javax.net.ssl.trustStore", server.trustStore().toString());
            properties.put("javax.net.ssl.trustStorePassword", LoopbackTls.PASSWORD);
            properties.put("javax.net.ssl.trustStoreType", "PKCS12");

            ChildJvm.Result child = ForkedLogback.run("proxy-hook.xml", properties, "exit", String.valueOf(EVENTS));

            assertEquals(0, child.exitCode, child.output);
            assertTrue(child.output.contains("stopped: captured=" + EVENTS + " delivered=" + EVENTS), child.output);
            assertEquals(EVENTS, server.events());
            List<String> lines = proxy.requestLines();
            assertFalse(lines.isEmpty());
            lines.forEach(line -> assertEquals("CONNECT " + ForwardProxy.UNRESOLVABLE_HOST + ":443 HTTP/1.1", line));
        }
    }

    @Test
    void proxyNoneGoesStraightToTheHostWhateverTheJvmsProxyProperties() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.to(URI.create(fixture.server().url()).getPort())) {
            Map<String, String> properties = new HashMap<>();
            properties.put("mockUrl", "http://" + ForwardProxy.UNRESOLVABLE_HOST);
            properties.put("http.proxyHost", "127.0.0.1");
            properties.put("http.proxyPort", String.valueOf(proxy.port()));
            properties.put("proxy", "none");
            properties.put("shutdownTimeout", "1s");

            ChildJvm.Result child = ForkedLogback.run("proxy-hook.xml", properties, "exit", "10");

            // straight to a host that does not resolve: nothing arrives, and the proxy the JVM names saw nothing
            assertEquals(0, child.exitCode, child.output);
            assertTrue(child.output.contains("10 events were not delivered before shutdownTimeout"), child.output);
            assertTrue(child.output.contains("UnknownHostException"), "it tried the host itself: " + child.output);
            assertEquals(List.of(), proxy.requestLines());
            assertEquals(0, fixture.server().requestCount());
        }
    }

    @Test
    void theProxySettingWithCredentialsCarriesEveryEvent() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.to(URI.create(fixture.server().url()).getPort())
                .requireCredentials("analytics", "Pr0xy:S3cret")) {
            LogbackHarness logback = configure("http://analytics:Pr0xy%3AS3cret@127.0.0.1:" + proxy.port());
            Logger log = logback.logger();
            for (int i = 0; i < 50; i++) {
                log.info(SIGNED_UP, "signed up {}", MixpanelMarkers.property("seq", i));
            }
            logback.stop();

            MixlogStats stats = logback.stats();
            assertEquals(50, stats.delivered(), stats.toString());
            assertEquals(50, stats.delivered() + stats.droppedTotal());
            assertEquals(50, fixture.server().acceptedEvents().size());
            assertEquals(0, proxy.refusedForCredentials());
            assertFalse(logback.statusText().contains("S3cret"), logback.statusText());
        }
    }

    @Test
    void aWrongPasswordIsReportedOnceWithWhatToCheckAndNoSecretAnywhere() throws Exception {
        String password = "Wr0ng-Pa55";
        String encoded = Base64.getEncoder().encodeToString(("analytics:" + password).getBytes(StandardCharsets.UTF_8));
        try (ForwardProxy proxy = ForwardProxy.to(URI.create(fixture.server().url()).getPort())
                .requireCredentials("analytics", "right")) {
            LogbackHarness logback = configure("http://analytics:" + password + "@127.0.0.1:" + proxy.port());
            Logger log = logback.logger();
            for (int i = 0; i < 50; i++) {
                log.info(SIGNED_UP, "signed up {}", MixpanelMarkers.property("seq", i));
            }
            logback.stop();

            MixlogStats stats = logback.stats();
            assertEquals(0, stats.delivered());
            assertEquals(50, stats.dropped(DropReason.REJECTED), stats.toString());
            assertEquals(50, stats.delivered() + stats.droppedTotal());
            assertTrue(proxy.refusedForCredentials() >= 5, "batches of at most 10: " + proxy.refusedForCredentials());
            assertEquals(stats.requests(), proxy.refusedForCredentials(), "every request the appender made got its 407");
            assertEquals(0, stats.retried(), "no request was retried past a 407");
            List<String> reports = logback.messages(Status.ERROR);
            assertEquals(1, reports.size(), logback::statusText);
            assertTrue(reports.get(0).contains("Proxy Authentication Required")
                    && reports.get(0).contains("check the user and password in the proxy setting (http://***@127.0.0.1:" + proxy.port() + ")"),
                    reports.get(0));
            String everything = logback.statusText() + stats + stats.lastFailure() + logback.appender();
            assertFalse(everything.contains(password) || everything.contains(encoded), everything);
            assertEquals(0, fixture.server().requestCount());
        }
    }

    @Test
    void a407WithProxyNoneNamesSomethingOnTheWayNotTheJvmsProxy() {
        fixture.server().answerWith(request -> dev.mixlog.loopback.Reply.refuse(407, ""));
        LogbackHarness logback = fixture.configure("proxy.xml", Map.of("mockUrl", fixture.server().url(), "proxy", "none"));
        for (int i = 0; i < 5; i++) {
            logback.logger().info(SIGNED_UP, "signed up {}", MixpanelMarkers.property("seq", i));
        }
        logback.stop();

        MixlogStats stats = logback.stats();
        assertEquals(5, stats.dropped(DropReason.REJECTED), stats.toString());
        assertEquals(5, stats.delivered() + stats.droppedTotal());
        List<String> reports = logback.messages(Status.ERROR);
        assertEquals(1, reports.size(), logback::statusText);
        assertTrue(reports.get(0).contains("with proxy=none, the 407 came from something on the way to"), reports.get(0));
    }

    private LogbackHarness configure(String proxySetting) {
        return fixture.configure("proxy.xml", Map.of("mockUrl", "http://" + ForwardProxy.UNRESOLVABLE_HOST, "proxy", proxySetting));
    }
}
