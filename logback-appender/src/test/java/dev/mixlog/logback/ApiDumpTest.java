package dev.mixlog.logback;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-logback} is what {@code api/mixlog-logback.api} says, and names no internal type. */
class ApiDumpTest {
    @Test
    void mixlogLogback() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixpanelAppender.class, Path.of("api", "mixlog-logback.api"));
    }
}
