package dev.mixlog.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.ProjectBudget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Connect worker in a JVM of its own, killed with {@code kill -9} while it delivers, then started
 * again: every event arrives, and what the dead worker had delivered without committing is sent
 * again under the same {@code $insert_id}, so Mixpanel keeps it once. The loopback Mixpanel holds the
 * stream to a project budget, so the kill comes while records are delivered, committed or neither.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class WorkerCrashTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final int EVENTS = 20_000;
    private static final String TOPIC = "events-crash";

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aWorkerKilledMidStreamLosesNothingAndWhatItSendsAgainIsDeduplicated(@TempDir Path work) throws Exception {
        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, new Properties());
        kafka.start();
        Process worker = null;
        try {
            kafka.createTopic(TOPIC, 4);
            produce(kafka);
            int port = freePort();
            Path properties = workerProperties(work, kafka.bootstrapServers(), port);

            // a project budget of 2,000 events/s: the stream lasts long enough to be cut in the middle
            server.answerWith(ProjectBudget.of(2_000));
            worker = startWorker(properties, work.resolve("worker-1.log"));
            createConnector(port);
            // mid-stream: part delivered and committed, part delivered and not yet committed, part not delivered
            Await.until(BOUND, () -> committed(kafka) > 0 && distinctInsertIds().size() < EVENTS,
                    () -> "some offsets committed: " + distinctInsertIds().size() + " delivered");
            worker.destroyForcibly();
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker killed");
            int deliveredBeforeTheKill = distinctInsertIds().size();
            long committedBeforeTheKill = committed(kafka);

            worker = startWorker(properties, work.resolve("worker-2.log"));
            Await.until(BOUND, () -> distinctInsertIds().size() >= EVENTS,
                    () -> "every event after the restart: " + distinctInsertIds().size() + " of " + EVENTS);
            assertEquals(EVENTS, distinctInsertIds().size());
            long sentTwice = server.acceptedRecords("/import").size() - EVENTS;
            // the figures of the note: how many the restarted worker sent again (all deduplicated by $insert_id)
            System.out.printf("worker crash: %d of %d delivered and %d committed when killed; %d events sent twice, %d counted by the "
                    + "server as duplicates%n", deliveredBeforeTheKill, EVENTS, committedBeforeTheKill, sentTwice, server.duplicatesIngested());
            assertEquals(sentTwice, server.duplicatesIngested(), "every event sent twice carried the same $insert_id");
            assertTrue(sentTwice <= deliveredBeforeTheKill - committedBeforeTheKill,
                    "only what was delivered and not yet committed is sent again: " + sentTwice);
        } finally {
            if (worker != null) {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            kafka.stop();
        }
    }

    private Set<String> distinctInsertIds() {
        Set<String> ids = new HashSet<>();
        for (JsonNode event : server.acceptedRecords("/import")) {
            ids.add(event.path("properties").path("$insert_id").asText());
        }
        return ids;
    }

    /** The records the sink's consumer group has committed, over all partitions. */
    private static long committed(EmbeddedKafkaCluster kafka) {
        try (Admin admin = kafka.createAdminClient(Map.of())) {
            return admin.listConsumerGroupOffsets("connect-crash").partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static void produce(EmbeddedKafkaCluster kafka) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = kafka.createProducer(Map.of())) {
            for (int i = 0; i < EVENTS; i++) {
                String value = "{\"event\":\"Page Viewed\",\"properties\":{\"distinct_id\":\"u-" + (i % 100) + "\",\"time\":"
                        + (1_765_000_000_000L + i) + ",\"$insert_id\":\"view-" + i + "\"}}";
                producer.send(new ProducerRecord<>(TOPIC, ("k" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** A distributed worker's settings, tuned so that a dead worker's tasks move on within seconds. */
    private static Path workerProperties(Path work, String bootstrap, int port) throws IOException {
        String text = String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "group.id=mixlog-crash-test",
                "key.converter=" + StringConverter.class.getName(),
                "value.converter=" + StringConverter.class.getName(),
                "config.storage.topic=crash-configs", "offset.storage.topic=crash-offsets", "status.storage.topic=crash-status",
                "config.storage.replication.factor=1", "offset.storage.replication.factor=1", "status.storage.replication.factor=1",
                "offset.flush.interval.ms=1000",
                "listeners=http://127.0.0.1:" + port,
                "plugin.discovery=service_load",
                "session.timeout.ms=6000", "heartbeat.interval.ms=1000", "scheduled.rebalance.max.delay.ms=0",
                "consumer.session.timeout.ms=6000", "consumer.heartbeat.interval.ms=1000", "");
        Path file = work.resolve("worker.properties");
        Files.writeString(file, text);
        return file;
    }

    private static Process startWorker(Path properties, Path log) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), ConnectDistributed.class.getName(),
                properties.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void createConnector(int port) {
        HttpClient http = HttpClient.newHttpClient();
        String config = "{\"name\":\"crash\",\"config\":{\"connector.class\":\"" + MixpanelSinkConnector.class.getName() + "\","
                + "\"tasks.max\":\"2\",\"topics\":\"" + TOPIC + "\",\"mixpanel.token\":\"crash-test-token\","
                + "\"mixpanel.baseUrl\":\"" + server.url() + "\",\"mixpanel.maxBatchEvents\":\"200\",\"mixpanel.flushInterval\":\"200ms\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectors"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(config)).build();
        int[] status = {0};
        // the worker's REST server answers once it has joined its group
        Await.until(BOUND, () -> {
            try {
                status[0] = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return status[0] == 201 || status[0] == 409;
        }, () -> "the connector created (last answer " + status[0] + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
