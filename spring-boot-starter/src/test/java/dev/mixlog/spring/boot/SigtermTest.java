package dev.mixlog.spring.boot;

import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SIGTERM to a Spring Boot application on Logback delivers what the starter's appender held, through Boot's own shutdown. */
@ExtendWith(LoopbackMixpanelExtension.class)
class SigtermTest {
    private LoopbackMixpanel server;

    @Test
    void sigtermDeliversEverythingLogged() throws Exception {
        SigtermChild.assertSigtermDeliversEverything(server, "Logback");
    }
}
