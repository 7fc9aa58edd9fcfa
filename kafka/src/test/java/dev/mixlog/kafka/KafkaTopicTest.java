package dev.mixlog.kafka;

import static dev.mixlog.slf4j.MixpanelMarkers.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.loopback.Await;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * A Logback appender configured with {@code kafkaTopic}, as a service writes it in {@code logback.xml},
 * against a real KRaft broker: each record lands on the topic keyed by its id, with no Mixpanel
 * token; with the broker down the logging call keeps its cost, and what waits is delivered once the
 * broker is back.
 */
class KafkaTopicTest {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");
    private static final JsonFactory JSON = new JsonFactory();

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafkaCluster(1, new Properties());
        kafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    private static LoggerContext logback(String topic) throws Exception {
        LoggerContext context = new LoggerContext();
        // a context of its own, beside the one SLF4J binds: it needs its MDC adapter, as Logback's own start gives it
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("topic", topic);
        context.putProperty("bootstrap", kafka.bootstrapServers());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(KafkaTopicTest.class.getResource("/logback-kafka.xml"));
        return context;
    }

    private static MixlogStats stats(LoggerContext context) {
        return ((MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL")).getStats();
    }

    @Test
    void eventsAndUpdatesGoToTheTopicKeyedByTheirIds() throws Exception {
        String topic = "records-keyed";
        kafka.createTopic(topic, 4);
        LoggerContext context = logback(topic);
        Logger log = context.getLogger("shop");
        int events = 1_000;
        for (int i = 0; i < events; i++) {
            log.info(SIGNED_UP, "signed up", property("distinct_id", "user-" + (i % 20)), property("n", i));
        }
        log.info(MixpanelMarkers.profileSet(), "profile", property("distinct_id", "user-3"), property("plan", "pro"));
        MixlogStats stats = stats(context);
        Await.until(BOUND, () -> stats.delivered() == events + 1, () -> "delivered: " + stats + ", last failure: " + stats.lastFailure());
        context.stop();

        ConsumerRecords<byte[], byte[]> records = kafka.consume(events + 1, BOUND.toMillis(), topic);
        Set<String> insertIds = new HashSet<>();
        int profiles = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Map<String, String> fields = topLevelAndProperties(record.value());
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (fields.containsKey("$set.plan")) {
                profiles++;
                assertEquals("user-3", fields.get("$distinct_id"));
                assertEquals("user-3", key);
            } else {
                assertEquals("Signed Up", fields.get("event"));
                assertEquals(fields.get("properties.distinct_id"), key, "keyed by distinct_id");
                insertIds.add(fields.get("properties.$insert_id"));
                assertTrue(!fields.containsKey("properties.token") || fields.get("properties.token").isEmpty(), "no token on the topic");
            }
        }
        assertEquals(1, profiles);
        assertEquals(events, insertIds.size(), "each event once, under an id of its own");
        assertEquals(0, stats.droppedTotal(), stats::toString);
        // the producer went with the appender: no thread of it is left behind
        Await.until(BOUND, () -> Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().contains("mixlog-MIXPANEL")),
                () -> "threads left: " + Thread.getAllStackTraces().keySet());
    }

    @Test
    void aBrokerDownCostsTheLoggingCallNothingAndWhatWaitsIsDeliveredOnceItIsBack() throws Exception {
        String topic = "records-outage";
        kafka.createTopic(topic, 2);
        LoggerContext context = logback(topic);
        Logger log = context.getLogger("shop");
        log.info(SIGNED_UP, "warm-up", property("distinct_id", "warm-up"));
        MixlogStats stats = stats(context);
        Await.until(BOUND, () -> stats.delivered() == 1, () -> "the first event: " + stats);

        kafka.stopOnlyBrokers();
        int events = 500;
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            log.info(SIGNED_UP, "signed up", property("distinct_id", "user-" + i), property("n", i));
        }
        long took = System.nanoTime() - started;
        // a call that waited on the broker would wait the producer's 5 s bound at least
        assertTrue(took < TimeUnit.SECONDS.toNanos(5), "500 logging calls with the broker down took " + took / 1_000_000 + " ms");
        Await.until(BOUND, () -> stats.retried() >= 1, () -> "sends failing while the broker is down: " + stats);
        assertEquals(0, stats.droppedTotal(), "nothing dropped while the broker is down: " + stats);

        kafka.restartOnlyBrokers();
        Await.until(BOUND, () -> stats.delivered() == events + 1, () -> "delivered once the broker is back: " + stats);
        context.stop();
        ConsumerRecords<byte[], byte[]> records = kafka.consume(events + 1, BOUND.toMillis(), topic);
        Set<String> insertIds = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            insertIds.add(topLevelAndProperties(record.value()).get("properties.$insert_id"));
        }
        assertEquals(events + 1, insertIds.size(), "every event on the topic (a batch sent again keeps its ids)");
        assertEquals(0, stats.droppedTotal(), stats::toString);
    }

    /** A record's top-level scalar fields, and those of its objects as {@code object.field}. */
    private static Map<String, String> topLevelAndProperties(byte[] value) throws Exception {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(value)) {
            parser.nextToken();
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT) {
                    for (String inner = parser.nextFieldName(); inner != null; inner = parser.nextFieldName()) {
                        JsonToken innerToken = parser.nextToken();
                        if (innerToken.isScalarValue()) {
                            fields.put(field + "." + inner, parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else if (token.isScalarValue()) {
                    fields.put(field, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return fields;
    }
}
