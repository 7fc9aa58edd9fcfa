package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No credentials (none set, or an environment variable that is not defined): the appender starts
 * disabled, warns once naming what to set, reports no error, sends nothing and counts what it refuses.
 */
class MissingCredentialsTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;


    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "log4j2-no-token.xml        | no token or service account is set",
        "log4j2-undefined-token.xml | token refers to ${env:MIXPANEL_TOKEN_NOT_SET_HERE}, which is not defined",
    })
    void withoutCredentialsTheAppenderStartsDisabledAndCountsWhatItRefuses(String configuration, String reason) throws Exception {
        try (StatusCapture status = StatusCapture.register()) {
            LoggerContext context = TestContexts.start(configuration);
            try {
                MixpanelAppender appender = TestContexts.mixpanel(context, "mixpanel");
                assertTrue(appender.isStarted());
                assertEquals(List.of(), status.errors());
                List<String> warnings = status.messages(Level.WARN).stream()
                        .filter(message -> message.contains("disabled, nothing is sent")).collect(Collectors.toList());
                assertEquals(1, warnings.size(), () -> status.messages(Level.WARN).toString());
                assertTrue(warnings.get(0).contains(reason), warnings::toString);

                Logger log = context.getLogger("still.working");
                assertDoesNotThrow(() -> {
                    log.info(MixpanelMarkers.event("Signed Up"), "logging goes on");
                    log.info("plain, not selected");
                });
                MixlogStats stats = appender.getStats();
                assertEquals(1, stats.dropped(DropReason.DISABLED), stats::toString);
                assertEquals(1, stats.droppedTotal(), stats::toString);
                assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("mixlog-mixpanel-")));
            } finally {
                context.stop();
            }
            assertEquals(0, server.requests().size());
        }
    }
}
