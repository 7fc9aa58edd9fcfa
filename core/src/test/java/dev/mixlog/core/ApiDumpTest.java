package dev.mixlog.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of {@code mixlog-core} and {@code mixlog-loopback-mixpanel} is what their committed
 * dumps say ({@code api/*.api}), and names no internal type (see {@link ApiDump}).
 */
class ApiDumpTest {
    @Test
    void mixlogCore() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixlogCore.class, Path.of("api", "mixlog-core.api"));
    }

    @Test
    void mixlogLoopbackMixpanel() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(LoopbackMixpanel.class, Path.of("..", "loopback-mixpanel", "api", "mixlog-loopback-mixpanel.api"));
    }
}
