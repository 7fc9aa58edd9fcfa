package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.loopback.Await;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's HTTP/1.1 against a server on loopback that answers each request with a scripted
 * reply, written byte for byte as servers and proxies write them: kept connections, chunked and
 * close-delimited bodies, interim replies, a kept connection the server closed while idle or wrote
 * to unasked, a slow server (not sent to twice), and replies that must fail (a head too long, not
 * HTTP at all, a body cut short, lengths that disagree).
 */
class Http11TransportTest {
    private static final String JSON_OK = "{\"code\":200,\"num_records_imported\":1,\"status\":\"OK\"}";

    private ScriptedServer server;
    private MixpanelTransport transport;
    private Route route;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        transport = new MixpanelTransport(Duration.ofSeconds(10), Duration.ofSeconds(10));
        route = Route.events(new MixlogSettings().text(Settings.TOKEN, "project-token").text(Settings.BASE_URL, server.url()).build());
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.close();
    }

    private static String fixed(String status, String body, String... headers) {
        return "HTTP/1.1 " + status + "\r\n" + String.join("", headers) + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void requestsShareOneKeptConnectionAndCarryMixpanelsHeaders() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.script(fixed("200 OK", JSON_OK, "Content-Type: application/json\r\n"));
        }
        byte[] body = Gzip.compress("[{\"event\":\"e\"}]".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            Reply reply = transport.send(route, body);
            assertEquals(200, reply.status());
            assertEquals(JSON_OK, reply.body());
        }
        assertEquals(1, server.connections.get(), "one connection for all three requests");
        String head = server.heads.get(0);
        assertTrue(head.startsWith("POST /import?strict=1 HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
        assertTrue(head.contains("\r\nContent-Encoding: gzip\r\n"), head);
        assertTrue(head.contains("\r\nContent-Length: " + body.length + "\r\n"), head);
        assertTrue(head.contains("\r\nAuthorization: Basic "), head);
        assertEquals(List.of(body.length, body.length, body.length), server.bodyLengths);
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailersAreReadWhole() throws Exception {
        String first = JSON_OK.substring(0, 26);
        String second = JSON_OK.substring(26);
        server.script("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(first.length()) + ";name=value\r\n" + first + "\r\n"
                + Integer.toHexString(second.length()).toUpperCase(Locale.ROOT) + "\r\n" + second + "\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n");
        server.script(fixed("200 OK", JSON_OK));
        assertEquals(JSON_OK, transport.send(route, new byte[10]).body());
        assertEquals(JSON_OK, transport.send(route, new byte[10]).body());
        assertEquals(1, server.connections.get(), "the chunked reply left its connection reusable");
    }

    @Test
    void aBodyFramedByTheConnectionsEndIsReadToItAndTheConnectionNotReused() throws Exception {
        server.script("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + JSON_OK, true);
        server.script(fixed("200 OK", JSON_OK, "Connection: close\r\n"), true);
        server.script(fixed("200 OK", JSON_OK));
        for (int i = 0; i < 3; i++) {
            assertEquals(JSON_OK, transport.send(route, new byte[10]).body());
        }
        assertEquals(3, server.connections.get());
    }

    @Test
    void interimRepliesAreSkippedAndRetryAfterIsRead() throws Exception {
        server.script("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                + fixed("429 Too Many Requests", "{\"error\":\"slow down\"}", "Retry-After: 7\r\n"));
        Reply reply = transport.send(route, new byte[10]);
        assertEquals(429, reply.status());
        assertEquals(Duration.ofSeconds(7), reply.retryAfter().orElseThrow());
        assertEquals("{\"error\":\"slow down\"}", reply.body());
    }

    @Test
    void aKeptConnectionTheServerClosedWhileIdleIsReplacedAndTheRequestSentOnce() throws Exception {
        // the server answers, then closes the connection without saying so, as an idle timeout does
        server.script(fixed("200 OK", JSON_OK), true);
        server.script(fixed("200 OK", JSON_OK));
        assertEquals(200, transport.send(route, new byte[10]).status());
        server.awaitClosed(1);
        assertEquals(200, transport.send(route, new byte[20]).status());
        assertEquals(2, server.connections.get());
        assertEquals(List.of(10, 20), server.bodyLengths, "each request reached the server once");
    }

    @Test
    void aTimeoutOnAKeptConnectionIsNotResent() throws Exception {
        try (MixpanelTransport impatient = new MixpanelTransport(Duration.ofSeconds(10), Duration.ofMillis(300))) {
            server.script(fixed("200 OK", JSON_OK));
            server.script(ScriptedServer.SILENCE);
            assertEquals(200, impatient.send(route, new byte[10]).status());
            assertThrows(SocketTimeoutException.class, () -> impatient.send(route, new byte[20]));
        }
        assertEquals(List.of(10, 20), server.bodyLengths, "the slow server got the request once: resending is the retry policy's call");
    }

    @Test
    void aKeptConnectionWithBytesNoRequestAskedForIsNotReused() throws Exception {
        // a 408 that a server sends on an idle connection before closing it answers no request of Mixlog's
        server.script(fixed("200 OK", JSON_OK) + fixed("408 Request Timeout", "", "Connection: close\r\n"));
        server.script(fixed("200 OK", JSON_OK));
        assertEquals(200, transport.send(route, new byte[10]).status());
        assertEquals(200, transport.send(route, new byte[10]).status());
        assertEquals(2, server.connections.get());
    }

    @Test
    void aReplyFramedTwoWaysIsReadChunkedAndItsConnectionNotReused() throws Exception {
        server.script("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(JSON_OK.length()) + "\r\n" + JSON_OK + "\r\n0\r\n\r\n");
        server.script(fixed("200 OK", JSON_OK));
        assertEquals(JSON_OK, transport.send(route, new byte[10]).body());
        assertEquals(JSON_OK, transport.send(route, new byte[10]).body());
        assertEquals(2, server.connections.get());
    }

    @Test
    void anOversizedChunkedReplyIsCutAtTheBoundAndItsConnectionClosed() throws Exception {
        StringBuilder chunked = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(4096);
        for (int i = 0; i < 40; i++) {
            chunked.append("1000\r\n").append(chunk).append("\r\n");
        }
        server.script(chunked.append("0\r\n\r\n").toString());
        server.script(fixed("200 OK", JSON_OK));
        assertEquals(MixpanelTransport.MAX_REPLY_BYTES, transport.send(route, new byte[10]).body().length());
        assertEquals(JSON_OK, transport.send(route, new byte[10]).body());
        assertEquals(2, server.connections.get(), "the cut reply's connection was not reused");
    }

    @Test
    void repliesThatAreNotHttpOrTooLongOrCutShortFail() {
        server.script("SSH-2.0-OpenSSH_9.6\r\n\r\n", true);
        server.script("HTTP/1.1 200 OK\r\nX-Padding: " + "p".repeat(ReplyReader.MAX_HEAD_BYTES) + "\r\n\r\n", true);
        server.script("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"code\":", true);
        server.script("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n", true);
        server.script("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", true);
        server.script("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\n12345", true);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            failures.add(assertThrows(IOException.class, () -> transport.send(route, new byte[10])).getMessage());
        }
        assertTrue(failures.get(0).contains("not an HTTP/1.x reply"), failures.toString());
        assertTrue(failures.get(1).contains("longer than"), failures.toString());
        assertTrue(failures.get(2).contains("in the middle of the reply body"), failures.toString());
        assertTrue(failures.get(3).contains("Content-Length"), failures.toString());
        assertTrue(failures.get(4).contains("chunk size"), failures.toString());
        assertTrue(failures.get(5).contains("Content-Length"), failures.toString());
    }

    /**
     * Accepts connections on loopback and answers each request, in order of arrival, with the next
     * scripted reply, then closes the connection when the script says so; records request heads and
     * body lengths.
     */
    private static final class ScriptedServer implements AutoCloseable {
        /** A reply that never comes: the connection stays open and silent until the client closes it. */
        static final String SILENCE = "";

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final BlockingQueue<String[]> replies = new LinkedBlockingQueue<>();
        final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();
        final List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Integer> bodyLengths = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor;

        ScriptedServer() throws IOException {
            acceptor = new Thread(this::accept, "scripted-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }

        int port() {
            return socket.getLocalPort();
        }

        void script(String reply) {
            script(reply, false);
        }

        void script(String reply, boolean thenClose) {
            replies.add(new String[] {reply, String.valueOf(thenClose)});
        }

        void awaitClosed(int count) {
            Await.until(() -> closed.get() >= count, "the server closed " + count + " connection(s)");
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread handler = new Thread(() -> serve(connection), "scripted-connection");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closedDown) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    heads.add(head);
                    int length = contentLength(head);
                    in.readNBytes(length);
                    bodyLengths.add(length);
                    String[] reply = replies.poll(30, TimeUnit.SECONDS);
                    if (reply == null) {
                        return;
                    }
                    if (reply[0].equals(SILENCE)) {
                        while (in.read() >= 0) {
                            // until the client gives up and closes
                        }
                        return;
                    }
                    out.write(reply[0].getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (Boolean.parseBoolean(reply[1])) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException ended) {
                // the client went away, or the test ended
            } finally {
                closed.incrementAndGet();
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
