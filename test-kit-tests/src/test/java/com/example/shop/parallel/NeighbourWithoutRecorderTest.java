package com.example.shop.parallel;

import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.loopback.Await;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests without a recorder log events too, at the same time as the recording tests, which check that
 * they saw none of them; here, that these events did reach the appender.
 */
class NeighbourWithoutRecorderTest {
    @RepeatedTest(2)
    void logsEventsThatNoRecorderSees() throws InterruptedException {
        // SLF4J hands out a stand-in while another test's thread is starting it
        Await.until(Duration.ofSeconds(30), () -> LoggerFactory.getILoggerFactory() instanceof LoggerContext, () -> "SLF4J started");
        MixpanelAppender appender = (MixpanelAppender) ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        long before = appender.getStats().captured() + appender.getStats().droppedTotal();
        Overlap.awaitNeighbours();
        new Orders().place("neighbour", OwnEvents.ON_THE_TEST_THREAD);
        Await.until(Duration.ofSeconds(30), () -> appender.getStats().captured() + appender.getStats().droppedTotal() - before >= OwnEvents.ON_THE_TEST_THREAD + 1,
                () -> "the appender took this test's events: " + appender.getStats());
    }
}
