package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport over TLS, as it talks to Mixpanel (an {@code https} base URL asks for HTTP/2 and
 * falls back to HTTP/1.1 here): the client runs its follow-up work on its own threads, with no pool,
 * so these exchanges check that TLS handshakes and replies complete that way, with several senders
 * at once, and that an oversized reply is still cut at the bound.
 */
class TlsTransportTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;
    private HttpsServer server;
    private ExecutorService serverThreads;
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicBoolean hugeReplies = new AtomicBoolean();
    private SSLContext clientTls;
    private Route route;

    @BeforeEach
    void startTlsServer() throws Exception {
        KeyStore keys = selfSignedKeyStore();
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/import", exchange -> {
            long events;
            try (InputStream body = new GZIPInputStream(exchange.getRequestBody())) {
                events = count(new String(body.readAllBytes(), StandardCharsets.UTF_8), "\"event\"");
            }
            eventsReceived.addAndGet(events);
            byte[] reply = hugeReplies.get()
                    ? new byte[4 * MixpanelTransport.MAX_REPLY_BYTES]
                    : ("{\"code\":200,\"num_records_imported\":" + events + ",\"status\":\"OK\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            } catch (IOException clientLeft) {
                // the client cut the oversized reply short
            }
        });
        server.start();

        MixlogConfig config = new MixlogSettings().text(Settings.TOKEN, "project-token")
                .text(Settings.BASE_URL, "https://127.0.0.1:" + server.getAddress().getPort()).build();
        route = Route.events(config);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void fourSendersExchangeOverTlsAtOnce() throws Exception {
        int senders = 4;
        int requestsEach = 25;
        int eventsPerRequest = 500;
        byte[] body = Gzip.compress(batchJson(eventsPerRequest));
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        try (MixpanelTransport transport = new MixpanelTransport(Duration.ofSeconds(10), Duration.ofSeconds(30), true, clientTls)) {
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
        assertEquals((long) senders * requestsEach * eventsPerRequest, eventsReceived.get());
    }

    @Test
    void anOversizedReplyOverTlsIsCutAtTheBoundAndTheNextExchangeWorks() throws Exception {
        byte[] body = Gzip.compress(batchJson(10));
        try (MixpanelTransport transport = new MixpanelTransport(Duration.ofSeconds(10), Duration.ofSeconds(30), true, clientTls)) {
            hugeReplies.set(true);
            Reply huge = transport.send(route, body);
            assertEquals(200, huge.status());
            assertEquals(MixpanelTransport.MAX_REPLY_BYTES, huge.body().length());

            hugeReplies.set(false);
            Reply next = transport.send(route, body);
            assertEquals(200, next.status());
            assertTrue(next.body().contains("\"num_records_imported\":10"), next.body());
        }
        assertEquals(20, eventsReceived.get());
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private KeyStore selfSignedKeyStore() throws Exception {
        Path file = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static byte[] batchJson(int events) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < events; i++) {
            json.append(i == 0 ? "" : ",").append("{\"event\":\"Purchase\",\"properties\":{\"time\":1764751234567,")
                    .append("\"distinct_id\":\"user-").append(i).append("\",\"$insert_id\":\"id-").append(i).append("\"}}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String text, String what) {
        long count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }
}
