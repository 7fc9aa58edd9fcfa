package dev.mixlog.log4j2;

import com.lmax.disruptor.RingBuffer;
import dev.mixlog.core.testing.TestedVersions;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/** The appender's tests run against the Log4j2 and Disruptor versions the build or the CI matrix names. */
class TestedVersionsTest {
    @Test
    void log4j2AndDisruptorAreTheVersionsAskedFor() {
        TestedVersions.assertLoaded("log4j2", LoggerContext.class);
        TestedVersions.assertLoaded("log4j2", LogManager.class);
        TestedVersions.assertLoaded("disruptor", RingBuffer.class);
    }
}
