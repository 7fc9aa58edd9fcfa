package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.config.ProxySetting;
import dev.mixlog.core.testing.LoopbackTls;
import dev.mixlog.loopback.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport against Jetty, a server it was not written beside, over plain HTTP and TLS: replies
 * framed by {@code Content-Length} and chunked, {@code Connection: close}, kept connections and ones
 * the server expires while idle, a reply cut mid-body and one over the 64 KiB bound. The JDK's
 * {@code HttpServer} and a scripted socket (HTTP/1.0 replies, odd framings) are in the other tests.
 */
class JettyConformanceTest {
    private static final byte[] BODY = "[]".getBytes(StandardCharsets.UTF_8);
    /** Jetty's idle timeout: long enough that no pause of a busy machine expires a connection, but in the test of expiry. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHORT_IDLE_TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private LoopbackTls tls;
    private Server jetty;
    private ServerConnector connector;
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final AtomicInteger connectionsClosed = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        if (tls != null) {
            tls.close();
        }
    }

    private MixpanelTransport start(boolean overTls) throws Exception {
        return start(overTls, IDLE_TIMEOUT);
    }

    /** Jetty on loopback, answering each path as named, with this idle timeout. */
    private MixpanelTransport start(boolean overTls, Duration idleTimeout) throws Exception {
        tls = LoopbackTls.start(dir, 1024);
        jetty = new Server();
        if (overTls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls.serverContext());
            connector = new ServerConnector(jetty, ssl);
        } else {
            connector = new ServerConnector(jetty);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.addEventListener(new org.eclipse.jetty.io.Connection.Listener() {
            @Override
            public void onOpened(org.eclipse.jetty.io.Connection connection) {
                if (connection instanceof org.eclipse.jetty.server.internal.HttpConnection) {
                    connectionsOpened.incrementAndGet();
                }
            }

            @Override
            public void onClosed(org.eclipse.jetty.io.Connection connection) {
                if (connection instanceof org.eclipse.jetty.server.internal.HttpConnection) {
                    connectionsClosed.incrementAndGet();
                }
            }
        });
        jetty.addConnector(connector);
        jetty.setHandler(new Replies());
        jetty.start();
        return new MixpanelTransport(Duration.ofSeconds(10), Duration.ofSeconds(10), tls.clientContext(), ProxySetting.of("none"));
    }

    private Route route(boolean overTls, String path) {
        String base = (overTls ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort();
        return Route.updates(new MixlogSettings().text(Settings.TOKEN, "project-token").text(Settings.BASE_URL, base).build(), path);
    }

    @ParameterizedTest(name = "over TLS: {0}")
    @ValueSource(booleans = {false, true})
    void lengthAndChunkedRepliesShareOneKeptConnection(boolean overTls) throws Exception {
        try (MixpanelTransport transport = start(overTls)) {
            for (int i = 0; i < 3; i++) {
                assertEquals("{\"status\":1,\"error\":null}", transport.send(route(overTls, "/length"), BODY).body());
                Reply chunked = transport.send(route(overTls, "/chunked"), BODY);
                assertEquals(200, chunked.status());
                assertEquals("{\"status\":1,\"error\":null}", chunked.body());
            }
        }
        assertEquals(1, connectionsOpened.get(), "six requests, one connection");
    }

    @ParameterizedTest(name = "over TLS: {0}")
    @ValueSource(booleans = {false, true})
    void connectionCloseIsHonoured(boolean overTls) throws Exception {
        try (MixpanelTransport transport = start(overTls)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, transport.send(route(overTls, "/close"), BODY).status());
            }
        }
        assertEquals(3, connectionsOpened.get(), "each reply said close");
    }

    @ParameterizedTest(name = "over TLS: {0}")
    @ValueSource(booleans = {false, true})
    void aConnectionJettyExpiredWhileIdleIsReplaced(boolean overTls) throws Exception {
        try (MixpanelTransport transport = start(overTls, SHORT_IDLE_TIMEOUT)) {
            assertEquals(200, transport.send(route(overTls, "/length"), BODY).status());
            Await.until(() -> connectionsClosed.get() == 1, "Jetty closed the idle connection");
            assertEquals(200, transport.send(route(overTls, "/length"), BODY).status());
        }
        assertEquals(2, connectionsOpened.get());
    }

    @ParameterizedTest(name = "over TLS: {0}")
    @ValueSource(booleans = {false, true})
    void aReplyCutMidBodyFailsAndTheNextRequestGetsAFreshConnection(boolean overTls) throws Exception {
        try (MixpanelTransport transport = start(overTls)) {
            assertThrows(IOException.class, () -> transport.send(route(overTls, "/cut"), BODY));
            assertEquals(200, transport.send(route(overTls, "/length"), BODY).status());
        }
        assertEquals(2, connectionsOpened.get());
    }

    @ParameterizedTest(name = "over TLS: {0}")
    @ValueSource(booleans = {false, true})
    void aBodyOverTheBoundIsCutThereAndItsConnectionClosed(boolean overTls) throws Exception {
        try (MixpanelTransport transport = start(overTls)) {
            for (String path : new String[] {"/huge", "/huge-chunked"}) {
                Reply huge = transport.send(route(overTls, path), BODY);
                assertEquals(200, huge.status());
                assertEquals(MixpanelTransport.MAX_REPLY_BYTES, huge.body().length(), path);
            }
            assertEquals(200, transport.send(route(overTls, "/length"), BODY).status());
        }
        assertEquals(3, connectionsOpened.get(), "a connection left mid-body is never reused");
    }

    /** The replies, by path; each reads the whole request body first. */
    private static final class Replies extends Handler.Abstract {
        private static final byte[] OK = "{\"status\":1,\"error\":null}".getBytes(StandardCharsets.UTF_8);

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Content.Source.asInputStream(request).readAllBytes();
            String path = request.getHttpURI().getPath();
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            switch (path) {
                case "/chunked":
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        out.write(OK, 0, 10);
                        out.flush();
                        out.write(OK, 10, OK.length - 10);
                    }
                    callback.succeeded();
                    return true;
                case "/close":
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    response.write(true, ByteBuffer.wrap(OK), callback);
                    return true;
                case "/cut":
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 1000);
                    try {
                        Content.Sink.asOutputStream(response).write(new byte[500]);
                    } finally {
                        callback.failed(new IOException("cut mid-body on purpose"));
                    }
                    return true;
                case "/huge":
                    response.write(true, ByteBuffer.wrap(new byte[4 * MixpanelTransport.MAX_REPLY_BYTES]), callback);
                    response.getHeaders();
                    return true;
                case "/huge-chunked":
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        for (int i = 0; i < 16; i++) {
                            out.write(new byte[MixpanelTransport.MAX_REPLY_BYTES / 4]);
                            out.flush();
                        }
                    } catch (IOException clientLeft) {
                        // the client stops reading at its bound and closes
                    }
                    callback.succeeded();
                    return true;
                default:
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, OK.length);
                    response.write(true, ByteBuffer.wrap(OK), callback);
                    return true;
            }
        }
    }
}
