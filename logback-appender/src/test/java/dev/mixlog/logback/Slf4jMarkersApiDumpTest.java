package dev.mixlog.logback;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-slf4j} is what {@code slf4j/api/mixlog-slf4j.api} says, and names no internal type. */
class Slf4jMarkersApiDumpTest {
    @Test
    void mixlogSlf4j() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixpanelMarkers.class, Path.of("..", "slf4j", "api", "mixlog-slf4j.api"));
    }
}
