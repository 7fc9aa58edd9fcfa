package dev.mixlog.spring.boot.log4j2;

import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.spring.boot.SigtermChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SIGTERM to a Spring Boot application on Log4j2 delivers what the starter's appender held. */
@ExtendWith(LoopbackMixpanelExtension.class)
class Log4j2SigtermTest {
    private LoopbackMixpanel server;

    @Test
    void sigtermDeliversEverythingLogged() throws Exception {
        SigtermChild.assertSigtermDeliversEverything(server, "Log4j2");
    }
}
