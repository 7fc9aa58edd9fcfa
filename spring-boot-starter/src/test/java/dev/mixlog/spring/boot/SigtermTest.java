package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SIGTERM to a Spring Boot application delivers what the starter's appender held, through Boot's own shutdown. */
@ExtendWith(LoopbackMixpanelExtension.class)
class SigtermTest {
    private static final int EVENTS = 500;
    private LoopbackMixpanel server;

    @Test
    void sigtermDeliversEverythingLogged() throws Exception {
        ChildJvm.Result child = ChildJvm.run(SigtermChild.class, List.of("-Xmx256m"), server.url(), String.valueOf(EVENTS));

        assertTrue(child.output.contains("Logback root logger"), "the child ran on Logback:\n" + child.output);
        assertEquals(EVENTS, child.number("LOGGED"), child.output);
        assertEquals(143, child.exitCode, "ended by SIGTERM:\n" + child.output);
        assertFalse(child.output.contains("NOT STOPPED"), child.output);
        assertEquals(EVENTS, server.ingestedCount(), child.output);
        assertEquals(List.of(), server.violations());
    }
}
