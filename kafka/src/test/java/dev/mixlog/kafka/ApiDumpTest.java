package dev.mixlog.kafka;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-kafka} is what {@code api/mixlog-kafka.api} says: the provider the core finds, nothing else. */
class ApiDumpTest {
    @Test
    void mixlogKafka() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(KafkaTransportProvider.class, Path.of("api", "mixlog-kafka.api"));
    }
}
