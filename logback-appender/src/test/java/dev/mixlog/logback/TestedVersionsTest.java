package dev.mixlog.logback;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.lmax.disruptor.RingBuffer;
import dev.mixlog.core.testing.TestedVersions;
import org.junit.jupiter.api.Test;

/** The appender's tests run against the Logback, Jackson and Disruptor versions the build or the CI matrix names. */
class TestedVersionsTest {
    @Test
    void logbackJacksonAndDisruptorAreTheVersionsAskedFor() {
        TestedVersions.assertLoaded("logback", LoggerContext.class);
        TestedVersions.assertLoaded("jackson", JsonFactory.class);
        TestedVersions.assertLoaded("disruptor", RingBuffer.class);
    }
}
