package dev.mixlog.opentelemetry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-opentelemetry} is what {@code api/mixlog-opentelemetry.api} says: the exporter and its provider. */
class ApiDumpTest {
    @Test
    void mixlogOpentelemetry() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixpanelLogRecordExporter.class, Path.of("api", "mixlog-opentelemetry.api"));
    }
}
