package dev.mixlog.kafka;

import dev.mixlog.core.RecordTransport;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Settings;

/**
 * Gives an appender configured with {@code kafkaTopic} a Kafka producer as its way out: each record
 * (event, profile or group update) goes to the topic instead of Mixpanel, for the Kafka Connect sink
 * ({@code dev.mixlog:mixlog-kafka-connect}) to deliver. Found by the core through
 * {@link java.util.ServiceLoader}; nothing to call.
 */
public final class KafkaTransportProvider implements RecordTransport.Provider {
    @Override
    public boolean wanted(MixlogConfig config) {
        return config.get(Settings.KAFKA_TOPIC) != null;
    }

    @Override
    public RecordTransport open(MixlogConfig config) {
        return new KafkaTransport(config);
    }
}
