package dev.mixlog.kafka;

import dev.mixlog.core.RecordTransport;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes each batch's records to the topic with an idempotent producer ({@code acks=all}), keyed by
 * their {@code distinct_id} (group id), and returns once the broker has them all. A batch the broker
 * did not take in time is sent again whole by the core: a record stored twice keeps its
 * {@code $insert_id}, and Mixpanel keeps it once.
 */
final class KafkaTransport implements RecordTransport {
    /** How long a send may wait for the topic's metadata (a broker down): within the core's bound for a request. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);
    /** How long the producer waits to fill a batch of its own. */
    private static final int LINGER_MS = 5;

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaTransport(MixlogConfig config) {
        this.topic = config.get(Settings.KAFKA_TOPIC);
        this.producer = new KafkaProducer<>(producerSettings(config), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The producer's settings: Mixlog's, then the {@code kafkaProperty} entries, which win. */
    static Properties producerSettings(MixlogConfig config) {
        Properties settings = new Properties();
        String servers = config.get(Settings.KAFKA_BOOTSTRAP_SERVERS);
        if (servers != null) {
            settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        }
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "mixlog-" + config.name());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.gzip() ? "gzip" : "none");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        int requestMs = (int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestMs));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.min(MAX_BLOCK.toMillis(), requestMs)));
        for (Map.Entry<String, String> property : config.get(Settings.KAFKA_PROPERTY).entrySet()) {
            settings.put(property.getKey(), property.getValue());
        }
        if (!settings.containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)) {
            // one try's worth: the core retries a batch with its own backoff (Kafka asks for at least linger + request timeout)
            long linger = Long.parseLong(settings.getProperty(ProducerConfig.LINGER_MS_CONFIG).trim());
            long request = Long.parseLong(settings.getProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG).trim());
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(Integer.MAX_VALUE, linger + request)));
        }
        return settings;
    }

    @Override
    public void send(String endpoint, List<byte[]> records, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (byte[] record : records) {
            Future<RecordMetadata> stored = producer.send(new ProducerRecord<>(topic, RecordKeys.of(endpoint, record), record));
            // a send that found no broker in max.block.ms fails at once: the rest of the batch would wait as long each
            if (stored.isDone()) {
                await(stored, 0);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("the producer took more than " + bound + " to take the batch");
            }
            sent.add(stored);
        }
        for (Future<RecordMetadata> stored : sent) {
            await(stored, Math.max(0, deadline - System.nanoTime()));
        }
    }

    /** Waits for the broker to have the record; throws what kept it from it. */
    private static void await(Future<RecordMetadata> stored, long nanos) throws Exception {
        try {
            stored.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
