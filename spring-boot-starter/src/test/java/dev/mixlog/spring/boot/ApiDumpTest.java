package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixlog.core.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of {@code mixlog-spring-boot-starter} is what {@code api/mixlog-spring-boot-starter.api} says, and names no internal type. */
class ApiDumpTest {
    @Test
    void mixlogSpringBootStarter() throws IOException {
        assumeTrue(ApiDump.checked(), "checked on the build's own versions");
        ApiDump.check(MixlogAutoConfiguration.class, Path.of("api", "mixlog-spring-boot-starter.api"));
    }
}
