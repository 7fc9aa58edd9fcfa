package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import org.junit.jupiter.api.Test;

/**
 * {@code kafkaTopic} asks for the Kafka transport, which {@code mixlog-kafka} provides and core's own
 * class path lacks: the appender says what to add and stays disabled, counting what it is given;
 * without brokers the configuration is refused, naming the setting.
 */
class KafkaTopicWithoutTransportTest {
    @Test
    void withoutTheTransportTheAppenderSaysWhatToAddAndCountsEventsAsDisabled() {
        MixlogConfig config = new MixlogSettings().name("to-kafka").text(Settings.KAFKA_TOPIC, "mixpanel-records")
                .text(Settings.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9").text(Settings.SHUTDOWN_HOOK, "false")
                .text(Settings.JMX, "false").build();
        assertFalse(config.missingCredentials().isPresent(), "no Mixpanel token needed when the records go to Kafka");
        StatusLog status = new StatusLog();
        MixlogCore<TestEvent, TestEvent> core = MixlogCore.start(config, TestEventReader.INSTANCE, status);
        try {
            assertTrue(!status.containing("dev.mixlog:mixlog-kafka").isEmpty(), status::toString);
            assertFalse(core.append(TestEvent.numbered(1)));
            assertEquals(1, core.stats().dropped(DropReason.DISABLED));
        } finally {
            core.stop();
        }
    }

    @Test
    void aTopicWithoutBrokersIsRefusedNamingTheSetting() {
        InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                () -> new MixlogSettings().text(Settings.KAFKA_TOPIC, "mixpanel-records").build());
        assertTrue(refused.getMessage().contains("kafkaBootstrapServers"), refused.getMessage());
    }
}
