package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-log4j2} is what {@code api/mixlog-log4j2.api} says, and names no internal type. */
class ApiDumpTest {
    @Test
    void mixlogLog4j2() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixpanelAppender.class, Path.of("api", "mixlog-log4j2.api"));
    }
}
