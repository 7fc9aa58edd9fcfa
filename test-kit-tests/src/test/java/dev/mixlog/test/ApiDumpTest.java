package dev.mixlog.test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-test} is what {@code test-kit/api/mixlog-test.api} says, and names no internal type. */
class ApiDumpTest {
    @Test
    void mixlogTest() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixlogRecorder.class, Path.of("..", "test-kit", "api", "mixlog-test.api"));
    }
}
