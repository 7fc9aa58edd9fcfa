package dev.mixlog.kafka.connect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-kafka-connect} is what {@code api/mixlog-kafka-connect.api} says: the connector and its task. */
class ApiDumpTest {
    @Test
    void mixlogKafkaConnect() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixpanelSinkConnector.class, Path.of("api", "mixlog-kafka-connect.api"));
    }
}
