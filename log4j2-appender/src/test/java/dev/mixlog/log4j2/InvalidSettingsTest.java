package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bad setting: a StatusLogger error saying what to fix, no appender, and logging goes on. */
class InvalidSettingsTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;


    @Test
    void badBatchSizeLeavesNoAppenderAndSaysWhatToFix() throws Exception {
        assertNoAppender("log4j2-bad-batch-size.xml",
                "Mixpanel appender not started: maxBatchEvents must be a whole number from 1 to 2000, got 'abc'.");
    }

    @Test
    void programmaticBuildReportsEveryProblemAndReturnsNull() {
        try (StatusCapture status = StatusCapture.register()) {
            assertNull(MixpanelAppender.newBuilder().setName("mixpanel").setMaxBatchEvents("abc")
                    .setFlushInterval("soon").setToken("t").setProjectId("1").build());
            String error = String.join("\n", status.errors());
            assertTrue(error.contains("3 settings to fix"), error);
            assertTrue(error.contains("maxBatchEvents must be a whole number from 1 to 2000, got 'abc'."), error);
            assertTrue(error.contains("flushInterval must be a duration such as 500ms, 2s or 1min, got 'soon'."), error);
            assertTrue(error.contains("projectId"), error);
        }
    }

    private void assertNoAppender(String resource, String expectedError) throws Exception {
        try (StatusCapture status = StatusCapture.register()) {
            LoggerContext context = TestContexts.start(resource);
            try {
                for (Appender appender : context.getConfiguration().getAppenders().values()) {
                    assertTrue(!(appender instanceof MixpanelAppender), "unexpected appender " + appender);
                }
                List<String> errors = status.errors();
                assertTrue(errors.stream().anyMatch(error -> error.startsWith("<Mixpanel name=\"mixpanel\">: " + expectedError)),
                        "expected an error naming the appender and saying '" + expectedError + "' among " + errors);

                Logger log = context.getLogger("still.working");
                assertDoesNotThrow(() -> log.info(MixpanelMarkers.event("Signed Up"), "logging goes on"));
            } finally {
                context.stop();
            }
            assertEquals(0, server.requests().size());
        }
    }
}
