package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.testing.LoopbackTls;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The transport over TLS, as it talks to Mixpanel: TLS handshakes with hostname verification, kept
 * connections shared by several senders at once, an oversized reply cut at the bound, and an
 * exchange with a server that reads nothing ended at once by cancelling it from another thread.
 */
class TlsTransportTest {
    @TempDir
    Path dir;
    private LoopbackTls server;
    private Route route;

    @BeforeEach
    void startTlsServer() throws Exception {
        server = LoopbackTls.start(dir, 4 * MixpanelTransport.MAX_REPLY_BYTES);
        route = Route.events(new MixlogSettings().text(Settings.TOKEN, "project-token").text(Settings.BASE_URL, server.url()).build());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MixpanelTransport transport() {
        return new MixpanelTransport(Duration.ofSeconds(10), Duration.ofSeconds(30), server.clientContext(), dev.mixlog.core.internal.config.ProxySetting.of("none"));
    }

    @Test
    void fourSendersExchangeOverTlsAtOnce() throws Exception {
        int senders = 4;
        int requestsEach = 25;
        int eventsPerRequest = 500;
        byte[] body = Gzip.compress(batchJson(eventsPerRequest));
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        try (MixpanelTransport transport = transport()) {
            List<Future<List<Reply>>> replies = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                replies.add(threads.submit(() -> {
                    List<Reply> mine = new ArrayList<>();
                    for (int r = 0; r < requestsEach; r++) {
                        mine.add(transport.send(route, body));
                    }
                    return mine;
                }));
            }
            for (Future<List<Reply>> each : replies) {
                for (Reply reply : each.get(120, TimeUnit.SECONDS)) {
                    assertEquals(200, reply.status(), reply.excerpt());
                    assertTrue(reply.body().contains("\"num_records_imported\":" + eventsPerRequest), reply.body());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals((long) senders * requestsEach * eventsPerRequest, server.events());
    }

    @Test
    void anOversizedReplyOverTlsIsCutAtTheBoundAndTheNextExchangeWorks() throws Exception {
        byte[] body = Gzip.compress(batchJson(10));
        try (MixpanelTransport transport = transport()) {
            server.oversizedReplies(true);
            Reply huge = transport.send(route, body);
            assertEquals(200, huge.status());
            assertEquals(MixpanelTransport.MAX_REPLY_BYTES, huge.body().length());

            server.oversizedReplies(false);
            Reply next = transport.send(route, body);
            assertEquals(200, next.status());
            assertTrue(next.body().contains("\"num_records_imported\":10"), next.body());
        }
        assertEquals(20, server.events());
    }

    @Test
    void cancellingEndsAnExchangeWhoseServerReadsNothing() throws Exception {
        try (SSLServerSocket silent = (SSLServerSocket) server.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch handshaken = new CountDownLatch(1);
            Thread acceptor = new Thread(() -> {
                try (SSLSocket accepted = (SSLSocket) silent.accept()) {
                    accepted.startHandshake();
                    handshaken.countDown();
                    Thread.sleep(Long.MAX_VALUE);
                } catch (IOException | InterruptedException ended) {
                    // the test is over
                }
            }, "silent-tls-server");
            acceptor.setDaemon(true);
            acceptor.start();
            Route silentRoute = Route.events(new MixlogSettings().text(Settings.TOKEN, "project-token")
                    .text(Settings.BASE_URL, "https://127.0.0.1:" + silent.getLocalPort()).build());
            // far more than the socket buffers hold: the write blocks until the exchange is cancelled
            byte[] body = new byte[64 * 1024 * 1024];
            Cancellation cancellation = new Cancellation();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try (MixpanelTransport transport = transport()) {
                Future<Reply> exchange = sender.submit(() -> transport.send(silentRoute, body, cancellation));
                assertTrue(handshaken.await(30, TimeUnit.SECONDS), "handshake");
                long cancelled = System.nanoTime();
                cancellation.cancel();
                ExecutionException failed = assertThrows(ExecutionException.class, () -> exchange.get(30, TimeUnit.SECONDS));
                assertTrue(failed.getCause() instanceof IOException, String.valueOf(failed.getCause()));
                assertTrue(System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(20), "ended soon after the cancel");
            } finally {
                sender.shutdownNow();
                acceptor.interrupt();
            }
        }
    }

    private static byte[] batchJson(int events) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < events; i++) {
            json.append(i == 0 ? "" : ",").append("{\"event\":\"Purchase\",\"properties\":{\"time\":1764751234567,")
                    .append("\"distinct_id\":\"user-").append(i).append("\",\"$insert_id\":\"id-").append(i).append("\"}}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
