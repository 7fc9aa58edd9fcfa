package dev.mixlog.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink on a real KRaft broker and a real Connect worker (Kafka's embedded cluster, in this JVM),
 * delivering to a loopback Mixpanel: every record once, offsets committed only for settled records,
 * bad and refused records in the dead-letter topic, an outage waited out with the partitions paused.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class MixpanelSinkConnectorTest {
    /** Room for the worker and the broker on a busy 2-core machine. */
    private static final Duration BOUND = Duration.ofSeconds(90);
    /** The $insert_id made for a record without one: its topic, partition and offset. */
    private static final Pattern MADE_ID = Pattern.compile("events-all-[0-3]-[0-9]+");

    private static EmbeddedConnectCluster connect;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @BeforeAll
    static void startKafkaAndConnect() {
        Map<String, String> worker = new HashMap<>();
        // commits often, so that a test sees what is committed and what is not
        worker.put("offset.flush.interval.ms", "500");
        connect = new EmbeddedConnectCluster.Builder().name("mixlog-connect").numWorkers(1).numBrokers(1).workerProps(worker).build();
        connect.start();
    }

    @AfterAll
    static void stopKafkaAndConnect() {
        if (connect != null) {
            connect.stop();
        }
    }

    @Test
    void twoTasksDeliverEveryRecordOfFourPartitionsOnceAndCommitTheirOffsets() throws Exception {
        String topic = "events-all";
        connect.kafka().createTopic(topic, 4);
        int events = 2_000;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            // every tenth without $insert_id: it gets one made from its topic, partition and offset
            String insertId = i % 10 == 0 ? "" : ",\"$insert_id\":\"order-" + i + "\"";
            values.add("{\"event\":\"Order Placed\",\"properties\":{\"distinct_id\":\"user-" + (i % 50) + "\",\"time\":"
                    + (1_765_000_000_000L + i) + insertId + ",\"n\":" + i + ",\"plan\":\"pro\"}}");
        }
        values.add("{\"$token\":\"ignored\",\"$distinct_id\":\"user-7\",\"$set\":{\"plan\":\"pro\",\"seats\":3}}");
        values.add("{\"$group_key\":\"company\",\"$group_id\":\"acme\",\"$set\":{\"industry\":\"retail\"}}");
        produce(topic, values);

        String name = "sink-all";
        connect.configureConnector(name, sinkSettings(topic, 2));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, "two tasks running");

        Await.until(BOUND, () -> distinctInsertIds(server.acceptedRecords("/import")).size() >= events,
                () -> "every event accepted: " + server.acceptedRecords("/import").size() + " of " + events);
        List<JsonNode> accepted = server.acceptedRecords("/import");
        Set<String> ids = distinctInsertIds(accepted);
        assertEquals(events, ids.size(), () -> "each event under an $insert_id of its own; accepted " + accepted.size() + ", ids not "
                + "of the records: " + ids.stream().filter(id -> !id.startsWith("order-") && !MADE_ID.matcher(id).matches())
                .collect(Collectors.toList()));
        // at least once: a record read again after the tasks' first rebalance is sent again, under the same id
        // at least once: a copy sent again (a rebalance, a reply cut short) carries the same $insert_id, counted once above
        assertTrue(accepted.size() >= events);
        Set<Integer> numbers = accepted.stream().map(event -> event.path("properties").path("n").asInt()).collect(Collectors.toSet());
        assertEquals(events, numbers.size(), "every record's event");
        for (JsonNode event : accepted) {
            JsonNode properties = event.path("properties");
            int n = properties.path("n").asInt();
            assertEquals(1_765_000_000_000L + n, properties.path("time").asLong(), "the record's time");
            assertEquals("user-" + (n % 50), properties.path("distinct_id").asText());
            String id = properties.path("$insert_id").asText();
            assertTrue(n % 10 == 0 ? MADE_ID.matcher(id).matches() : id.equals("order-" + n), "insert id " + id + " of event " + n);
        }
        Await.until(BOUND, () -> server.acceptedRecords("/engage").size() == 1 && server.acceptedRecords("/groups").size() == 1,
                () -> "the profile and group updates: " + server.records());
        JsonNode profile = server.acceptedRecords("/engage").get(0);
        assertEquals("user-7", profile.path("$distinct_id").asText());
        assertEquals(3, profile.path("$set").path("seats").asInt());
        assertEquals("acme", server.acceptedRecords("/groups").get(0).path("$group_id").asText());
        assertTrue(server.violations().isEmpty(), () -> "what Mixpanel would refuse: " + server.violations());

        Await.until(BOUND, () -> committedToTheEnd(name, topic, 4), () -> "offsets committed to the end of " + topic);
        connect.deleteConnector(name);
    }

    @Test
    void recordsThatAreNotMixpanelRecordsAndRecordsMixpanelRefusesGoToTheDeadLetterTopic() throws Exception {
        // a strict /import refuses events named "Refuse Me", as Mixpanel refuses an invalid one
        server.answerWith(request -> {
            List<Integer> refused = new ArrayList<>();
            List<JsonNode> records = request.records();
            for (int i = 0; i < records.size(); i++) {
                if ("Refuse Me".equals(records.get(i).path("event").asText())) {
                    refused.add(i);
                }
            }
            return refused.isEmpty() ? Reply.asMixpanelWould(request) : Reply.strictRefusal(refused);
        });
        String topic = "events-bad";
        String deadLetters = "events-bad-dlq";
        connect.kafka().createTopic(topic, 1);
        List<String> values = new ArrayList<>();
        values.add("this is not JSON");
        values.add("{\"event\":\"Refuse Me\",\"properties\":{\"distinct_id\":\"u\",\"$insert_id\":\"refused-1\"}}");
        values.add("[1,2,3]");
        for (int i = 0; i < 8; i++) {
            values.add("{\"event\":\"Good\",\"properties\":{\"distinct_id\":\"u\",\"$insert_id\":\"good-" + i + "\"}}");
        }
        produce(topic, values);

        String name = "sink-bad";
        Map<String, String> settings = sinkSettings(topic, 1);
        settings.put("errors.tolerance", "all");
        settings.put("errors.deadletterqueue.topic.name", deadLetters);
        settings.put("errors.deadletterqueue.topic.replication.factor", "1");
        settings.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.configureConnector(name, settings);

        // the good events of the refused request are ingested, as strict mode imports the valid ones
        Await.until(BOUND, () -> server.ingestedEvents().size() >= 8, () -> "the good events: " + server.ingestedEvents());
        ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(3, BOUND.toMillis(), deadLetters);
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : dead) {
            Header message = record.headers().lastHeader("__connect.errors.exception.message");
            reasons.put(new String(record.value(), StandardCharsets.UTF_8), message == null ? null
                    : new String(message.value(), StandardCharsets.UTF_8));
        }
        assertEquals(3, reasons.size(), () -> "dead letters: " + reasons);
        assertTrue(reasons.get("this is not JSON").contains("not JSON"), reasons::toString);
        assertTrue(reasons.get("[1,2,3]").contains("not a JSON object"), reasons::toString);
        String refusal = reasons.get(values.get(1));
        assertTrue(refusal != null && refusal.contains("Mixpanel refused it") && refusal.contains("refused-1"), reasons::toString);

        ConnectorStateInfo status = connect.connectorStatus(name);
        assertEquals("RUNNING", status.tasks().get(0).state(), "the task goes on after bad records");
        assertEquals(8, distinctInsertIds(new ArrayList<>(server.ingestedEvents())).size());
        Await.until(BOUND, () -> committedToTheEnd(name, topic, 1), () -> "offsets committed past the dead letters");
        connect.deleteConnector(name);
    }

    @Test
    void anOutageIsWaitedOutWithThePartitionsPausedAndNothingCommittedThatWasNotDelivered() throws Exception {
        String topic = "events-outage";
        connect.kafka().createTopic(topic, 2);
        String name = "sink-outage";
        Map<String, String> settings = sinkSettings(topic, 1);
        // a small ring: most of what the task takes waits in the task, its partitions paused
        settings.put("mixpanel.ringBufferSize", "64");
        settings.put("mixpanel.maxBatchEvents", "10");
        settings.put("mixpanel.maxInFlight", "1");
        server.down();
        // on the topic before the task starts: its first polls take them all, more than the core takes
        produce(topic, numberedEvents(0, 300));
        connect.configureConnector(name, settings);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "the task running");

        ObjectName core = ObjectName.getInstance("dev.mixlog:type=Appender,name=" + ObjectName.quote("mixpanel-sink-" + name + "-0"));
        // the outage met: requests failed and retried a few times, and the core held no more than its ring
        long downSince = System.nanoTime();
        // the long run holds the outage longer: -Dmixlog.kafka.outage=30 (seconds)
        long outage = TimeUnit.SECONDS.toNanos(Integer.getInteger("mixlog.kafka.outage", 0));
        Await.until(BOUND.plusNanos(outage), () -> attribute(core, "Retried") >= 4 && System.nanoTime() - downSince >= outage,
                () -> "retries during the outage");
        assertTrue(attribute(core, "Captured") <= 64, () -> "the core took at most its ring: " + attribute(core, "Captured"));
        assertTrue(committedBelowTheEnd(name, topic, 2), "no offset committed past records not delivered");
        assertEquals(0, attribute(core, "DroppedTotal"), "nothing dropped during the outage");

        server.up();
        // records produced after the outage are read only once the partitions are resumed
        produce(topic, numberedEvents(300, 500));
        Await.until(BOUND, () -> distinctInsertIds(server.acceptedRecords("/import")).size() >= 500,
                () -> "every event after the outage: " + distinctInsertIds(server.acceptedRecords("/import")).size());
        assertEquals(500, distinctInsertIds(server.acceptedRecords("/import")).size());
        assertTrue(server.acceptedRecords("/import").size() >= 500);
        assertEquals(0, attribute(core, "DroppedTotal"));
        Await.until(BOUND, () -> committedToTheEnd(name, topic, 2), () -> "offsets committed once delivered");
        connect.deleteConnector(name);
    }

    /**
     * The whole path: four services, each a JVM of its own logging through its Logback appender to
     * the topic (4 partitions), and the sink (2 tasks) delivering the topic to Mixpanel. The long run
     * (100,000 events) sets {@code -Dmixlog.kafka.events=25000}.
     */
    @Test
    void fourServicesWritingToTheTopicAndTheSinkDeliverEveryEventOnce() throws Exception {
        String topic = "events-services";
        connect.kafka().createTopic(topic, 4);
        int perService = Integer.getInteger("mixlog.kafka.events", 5_000);
        int services = 4;
        List<Process> running = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String config = Paths.get("src", "test", "resources", "logback-topic-service.xml").toAbsolutePath().toString();
        for (int s = 0; s < services; s++) {
            Path output = Files.createTempFile("topic-service-" + s, ".log");
            outputs.add(output);
            running.add(new ProcessBuilder(java, "-Xmx256m", "-Dlogback.configurationFile=" + config, "-Dmixlog.topic=" + topic,
                    "-Dmixlog.bootstrap=" + connect.kafka().bootstrapServers(), "-cp", System.getProperty("java.class.path"),
                    TopicWritingService.class.getName(), String.valueOf(s * perService), String.valueOf(perService))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start());
        }
        String name = "sink-services";
        connect.configureConnector(name, sinkSettings(topic, 2));
        for (int s = 0; s < services; s++) {
            assertTrue(running.get(s).waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "service " + s + " ended");
            String output = Files.readString(outputs.get(s));
            assertTrue(output.contains("delivered=" + perService + "\n") && output.contains("dropped=0\n"),
                    "service " + s + " put all its events on the topic: " + output);
        }
        int events = services * perService;
        Await.until(BOUND, () -> distinctInsertIds(server.acceptedRecords("/import")).size() >= events,
                () -> "every event: " + distinctInsertIds(server.acceptedRecords("/import")).size() + " of " + events);
        List<JsonNode> accepted = server.acceptedRecords("/import");
        Set<Integer> numbers = accepted.stream().map(event -> event.path("properties").path("n").asInt()).collect(Collectors.toSet());
        assertEquals(events, numbers.size(), "every service's every event");
        assertEquals(events, distinctInsertIds(accepted).size());
        // at least once: a copy sent again (a rebalance, a reply cut short) carries the same $insert_id, counted once above
        assertTrue(accepted.size() >= events);
        assertTrue(server.violations().isEmpty(), () -> "what Mixpanel would refuse: " + server.violations());
        Await.until(BOUND, () -> committedToTheEnd(name, topic, 4), () -> "offsets committed to the end of " + topic);
        connect.deleteConnector(name);
        for (Path output : outputs) {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void refusedCredentialsStopTheTaskBeforeItCommitsTheRecordsItCouldNotDeliver() throws Exception {
        server.answerWith(request -> Reply.refuse(401, "{\"error\":\"Invalid credentials\",\"status\":0}"));
        String topic = "events-unauthorized";
        connect.kafka().createTopic(topic, 1);
        produce(topic, numberedEvents(0, 20));
        String name = "sink-unauthorized";
        connect.configureConnector(name, sinkSettings(topic, 1));
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed(name, 1, "the task stopped");
        String trace = connect.connectorStatus(name).tasks().get(0).trace();
        assertTrue(trace.contains("dropped without being delivered") && trace.contains("credentials"), trace);
        assertTrue(!trace.contains("sink-test-token"), "the token never shows: " + trace);
        assertTrue(committedBelowTheEnd(name, topic, 1), "no offset committed for records not delivered");
        connect.deleteConnector(name);
    }

    private Map<String, String> sinkSettings(String topic, int tasks) {
        Map<String, String> settings = new HashMap<>();
        settings.put("connector.class", MixpanelSinkConnector.class.getName());
        settings.put("tasks.max", String.valueOf(tasks));
        settings.put("topics", topic);
        settings.put("key.converter", StringConverter.class.getName());
        settings.put("value.converter", StringConverter.class.getName());
        settings.put("mixpanel.token", "sink-test-token");
        settings.put("mixpanel.baseUrl", server.url());
        settings.put("mixpanel.flushInterval", "200ms");
        settings.put("mixpanel.retryMaxBackoff", "4s");
        return settings;
    }

    private static List<String> numberedEvents(int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("{\"event\":\"Page Viewed\",\"properties\":{\"distinct_id\":\"u\",\"$insert_id\":\"view-" + i + "\",\"n\":" + i + "}}");
        }
        return values;
    }

    private static void produce(String topic, List<String> values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                        values.get(i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static Set<String> distinctInsertIds(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        for (JsonNode event : events) {
            ids.add(event.path("properties").path("$insert_id").asText());
        }
        return ids;
    }

    /** Whether the sink's consumer group has committed every partition of the topic to its end. */
    private static boolean committedToTheEnd(String connector, String topic, int partitions) {
        Map<TopicPartition, Long> lag = lag(connector, topic, partitions);
        return lag != null && lag.values().stream().allMatch(behind -> behind == 0);
    }

    /** Whether some partition of the topic has records past the sink's committed offset. */
    private static boolean committedBelowTheEnd(String connector, String topic, int partitions) {
        Map<TopicPartition, Long> lag = lag(connector, topic, partitions);
        return lag == null || lag.values().stream().anyMatch(behind -> behind > 0);
    }

    /** Records past the committed offset, per partition; {@code null} while nothing is committed. */
    private static Map<TopicPartition, Long> lag(String connector, String topic, int partitions) {
        try (Admin admin = connect.kafka().createAdminClient(Map.of())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("connect-" + connector)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> lag = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                long end = connect.kafka().endOffset(partition);
                OffsetAndMetadata offset = committed.get(partition);
                lag.put(partition, end - (offset == null ? 0 : offset.offset()));
            }
            return lag;
        } catch (Exception e) {
            return null;
        }
    }

    private static long attribute(ObjectName name, String attribute) {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute);
        } catch (JMException notYet) {
            return -1;
        }
    }
}
