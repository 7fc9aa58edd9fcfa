package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.config.ProxySetting;
import dev.mixlog.core.testing.ForwardProxy;
import dev.mixlog.core.testing.LoopbackSocks;
import dev.mixlog.core.testing.LoopbackTls;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport through a forward proxy, to a host no resolver knows: {@code https} in a
 * {@code CONNECT} tunnel (TLS verified against Mixpanel's host, the tunnel kept between requests),
 * {@code http} in absolute form through a proxy that closes after each reply, Basic credentials,
 * and a proxy that refuses (407, 502) or hangs after {@code CONNECT}: the same timeouts and
 * cancellation as without one.
 */
class ProxyTransportTest {
    private static final byte[] BODY = Gzip.compress(("[{\"event\":\"Purchase\",\"properties\":{\"time\":1764751234567,"
            + "\"distinct_id\":\"u-1\",\"$insert_id\":\"id-1\"}}]").getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;
    private LoopbackTls tlsServer;
    private ForwardProxy proxy;

    @BeforeEach
    void start() throws Exception {
        tlsServer = LoopbackTls.start(dir, 1024);
        proxy = ForwardProxy.to(Integer.parseInt(tlsServer.url().substring(tlsServer.url().lastIndexOf(':') + 1)));
    }

    @AfterEach
    void stop() {
        proxy.close();
        tlsServer.close();
    }

    private static MixlogConfig config(String baseUrl, String proxySetting) {
        return new MixlogSettings().text(Settings.TOKEN, "project-token").text(Settings.BASE_URL, baseUrl)
                .text(Settings.PROXY, proxySetting).build();
    }

    private MixpanelTransport transport(MixlogConfig config, Duration requestTimeout) {
        return new MixpanelTransport(Duration.ofSeconds(10), requestTimeout, tlsServer.clientContext(), ProxySetting.of(config.get(Settings.PROXY)));
    }

    @Test
    void httpsGoesThroughOneKeptTunnelWithCredentials() throws Exception {
        proxy.requireCredentials("analytics", "p@ss:w/rd");
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, "http://analytics:p%40ss%3Aw%2Frd@127.0.0.1:" + proxy.port());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) {
                Reply reply = transport.send(Route.events(config), BODY);
                assertEquals(200, reply.status(), reply.excerpt());
            }
        }
        assertEquals(3, tlsServer.events());
        assertEquals(0, tlsServer.proxyAuthorizations(), "the proxy's credentials never go inside the tunnel");
        assertEquals(List.of("CONNECT " + ForwardProxy.UNRESOLVABLE_HOST + ":443 HTTP/1.1"), proxy.requestLines(),
                "one tunnel, kept for the three requests");
        assertEquals(0, proxy.refusedForCredentials());
    }

    @Test
    void tlsIsVerifiedAgainstMixpanelsHostNotTheProxy() throws Exception {
        MixlogConfig config = config("https://other.invalid", proxy.url());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
            assertThrows(SSLHandshakeException.class, () -> transport.send(Route.events(config), BODY),
                    "the certificate names api.mixpanel.invalid, not other.invalid");
        }
        assertEquals(0, tlsServer.events());
    }

    @Test
    void plainHttpGoesInAbsoluteFormThroughAProxyThatClosesAfterEachReply() throws Exception {
        try (LoopbackMixpanel server = LoopbackMixpanel.start();
             ForwardProxy plain = ForwardProxy.to(java.net.URI.create(server.url()).getPort()).requireCredentials("analytics", "pw")) {
            MixlogConfig config = config("http://" + ForwardProxy.UNRESOLVABLE_HOST, "http://analytics:pw@127.0.0.1:" + plain.port());
            try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
                for (int i = 0; i < 3; i++) {
                    byte[] body = Gzip.compress(("[{\"event\":\"Purchase\",\"properties\":{\"time\":1764751234567,"
                            + "\"distinct_id\":\"u-1\",\"$insert_id\":\"id-" + i + "\",\"token\":\"project-token\"}}]")
                            .getBytes(StandardCharsets.UTF_8));
                    Reply reply = transport.send(Route.events(config), body);
                    assertEquals(200, reply.status(), reply.excerpt());
                }
            }
            assertEquals(3, server.ingestedCount());
            List<String> lines = plain.requestLines();
            assertEquals(3, lines.size(), lines.toString());
            lines.forEach(line -> assertTrue(line.startsWith("POST http://" + ForwardProxy.UNRESOLVABLE_HOST + "/import?strict=1 "), line));
            assertEquals(0, plain.refusedForCredentials());
        }
    }

    @Test
    void aWrongPasswordIsA407ForTheClassifier() throws Exception {
        proxy.requireCredentials("analytics", "right");
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, "http://analytics:wrong@127.0.0.1:" + proxy.port());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
            Reply reply = transport.send(Route.events(config), BODY);
            assertEquals(407, reply.status());
            assertEquals(Verdict.Kind.PROXY_AUTH_FAILED, ReplyClassifier.classify(reply, null, true).kind());
        }
        assertEquals(1, proxy.refusedForCredentials());
    }

    @Test
    void aBadGatewayOnConnectIsRetriedAndThenTheTunnelWorks() throws Exception {
        proxy.connectAnswer(ForwardProxy.ConnectAnswer.BAD_GATEWAY);
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, proxy.url());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
            Reply refused = transport.send(Route.events(config), BODY);
            assertEquals(502, refused.status());
            assertEquals(Verdict.Kind.RETRY, ReplyClassifier.classify(refused, null, true).kind());

            proxy.connectAnswer(ForwardProxy.ConnectAnswer.TUNNEL);
            assertEquals(200, transport.send(Route.events(config), BODY).status());
        }
        assertEquals(1, tlsServer.events());
    }

    @Test
    void aProxysRateLimitOnConnectKeepsItsRetryAfter() throws Exception {
        proxy.connectAnswer(ForwardProxy.ConnectAnswer.TOO_MANY_REQUESTS);
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, proxy.url());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
            Reply limited = transport.send(Route.events(config), BODY);
            assertEquals(429, limited.status());
            assertEquals(Duration.ofSeconds(7), limited.retryAfter().orElseThrow());
            Verdict verdict = ReplyClassifier.classify(limited, null, true);
            assertTrue(verdict.kind() == Verdict.Kind.RETRY && verdict.rateLimited(), verdict.detail());
        }
    }

    @Test
    void aTunnelTheProxysPolicyRefusesIsAFailedRequestNotMixpanelsAnswer() throws Exception {
        proxy.connectAnswer(ForwardProxy.ConnectAnswer.FORBIDDEN);
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, proxy.url());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
            IOException failed = assertThrows(IOException.class, () -> transport.send(Route.events(config), BODY),
                    "a 403 from the proxy is not Mixpanel refusing the credentials");
            assertTrue(failed.getMessage().contains("the proxy refused the tunnel to " + ForwardProxy.UNRESOLVABLE_HOST + ":443")
                    && failed.getMessage().contains("403"), failed.getMessage());
        }
    }

    @Test
    void aProxyThatHangsAfterConnectTimesOutLikeAServer() throws Exception {
        proxy.connectAnswer(ForwardProxy.ConnectAnswer.HANG);
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, proxy.url());
        try (MixpanelTransport transport = transport(config, Duration.ofMillis(300))) {
            assertThrows(SocketTimeoutException.class, () -> transport.send(Route.events(config), BODY));
        }
    }

    @Test
    void anExchangeHangingOnTheProxyEndsWhenCancelled() throws Exception {
        proxy.connectAnswer(ForwardProxy.ConnectAnswer.HANG);
        MixlogConfig config = config("https://" + ForwardProxy.UNRESOLVABLE_HOST, proxy.url());
        try (MixpanelTransport transport = transport(config, Duration.ofSeconds(60))) {
            Cancellation cancellation = new Cancellation();
            CompletableFuture<Object> exchange = CompletableFuture.supplyAsync(() -> {
                try {
                    return transport.send(Route.events(config), BODY, cancellation);
                } catch (IOException e) {
                    return e;
                }
            });
            dev.mixlog.loopback.Await.until(() -> !proxy.requestLines().isEmpty(), "the CONNECT reached the proxy");
            cancellation.cancel();
            Object outcome = exchange.get(30, TimeUnit.SECONDS);
            assertTrue(outcome instanceof IOException, String.valueOf(outcome));
        }
    }

    @Test
    void aSocksProxyTheJvmNamesIsUsedWithTheHostNameResolvedByIt() throws Exception {
        ProxySelector previous = ProxySelector.getDefault();
        try (LoopbackSocks socks = new LoopbackSocks(Integer.parseInt(tlsServer.url().substring(tlsServer.url().lastIndexOf(':') + 1)))) {
            // as socksProxyHost would, for the unresolvable host only: senders of other tests keep the JVM's own choice
            ProxySelector.setDefault(new ProxySelector() {
                @Override
                public List<java.net.Proxy> select(java.net.URI uri) {
                    return ForwardProxy.UNRESOLVABLE_HOST.equals(uri.getHost())
                            ? List.of(new java.net.Proxy(java.net.Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", socks.port())))
                            : previous.select(uri);
                }

                @Override
                public void connectFailed(java.net.URI uri, java.net.SocketAddress address, IOException failure) {
                }
            });
            MixlogConfig config = new MixlogSettings().text(Settings.TOKEN, "project-token")
                    .text(Settings.BASE_URL, "https://" + ForwardProxy.UNRESOLVABLE_HOST).build();
            try (MixpanelTransport transport = transport(config, Duration.ofSeconds(30))) {
                assertEquals(200, transport.send(Route.events(config), BODY).status());
            }
            assertEquals(List.of(ForwardProxy.UNRESOLVABLE_HOST + ":443"), socks.hostsNamed());
            assertEquals(1, tlsServer.events());
        } finally {
            ProxySelector.setDefault(previous);
        }
    }
}
