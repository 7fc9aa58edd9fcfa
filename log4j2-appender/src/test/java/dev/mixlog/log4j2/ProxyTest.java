package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.ForwardProxy;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.net.URI;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Log4j2 service that reaches Mixpanel only through a forward proxy given by the {@code proxy}
 * attribute, with Basic credentials: every event arrives through it, and no status line shows the password.
 */
class ProxyTest {
    private static final String PASSWORD = "L0g4j-Pr0xy";

    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension();

    @Test
    void theProxyAttributeWithCredentialsCarriesEveryEventAndNoStatusShowsThePassword() throws Exception {
        LoopbackMixpanel server = mixpanel.server();
        try (ForwardProxy proxy = ForwardProxy.to(URI.create(server.url()).getPort()).requireCredentials("analytics", PASSWORD);
             StatusCapture statuses = StatusCapture.register()) {
            System.setProperty("mixlogProxy", "http://analytics:" + PASSWORD + "@127.0.0.1:" + proxy.port());
            LoggerContext context;
            try {
                context = Configurator.initialize("proxy", "log4j2-proxy.xml");
            } finally {
                System.clearProperty("mixlogProxy");
            }
            MixpanelAppender appender = context.getConfiguration().getAppender("mixpanel");
            for (int i = 0; i < 20; i++) {
                context.getLogger("shop.Signup").info(MixpanelMarkers.event("Signed Up"), "signed up {}",
                        MixpanelMarkers.property("seq", i));
            }
            Configurator.shutdown(context);

            MixlogStats stats = appender.getStats();
            assertEquals(20, stats.delivered(), stats.toString());
            assertEquals(20, stats.delivered() + stats.droppedTotal());
            assertEquals(20, server.acceptedEvents().size());
            assertEquals(0, proxy.refusedForCredentials());
            assertTrue(proxy.requestLines().stream().allMatch(line -> line.startsWith("POST http://" + ForwardProxy.UNRESOLVABLE_HOST)),
                    proxy.requestLines().toString());
            assertFalse(statuses.everything().contains(PASSWORD), statuses.everything());
        }
    }
}
