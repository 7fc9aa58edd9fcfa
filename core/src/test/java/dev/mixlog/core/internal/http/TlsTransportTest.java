package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.testing.LoopbackTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        return new MixpanelTransport(Duration.ofSeconds(10), Duration.ofSeconds(30), true, server.clientContext());
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

    private static byte[] batchJson(int events) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < events; i++) {
            json.append(i == 0 ? "" : ",").append("{\"event\":\"Purchase\",\"properties\":{\"time\":1764751234567,")
                    .append("\"distinct_id\":\"user-").append(i).append("\",\"$insert_id\":\"id-").append(i).append("\"}}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
