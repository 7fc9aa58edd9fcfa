package dev.mixlog.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.lmax.disruptor.RingBuffer;
import dev.mixlog.core.testing.TestedVersions;
import org.junit.jupiter.api.Test;

/** The core's tests run against the Jackson and Disruptor versions the build or the CI matrix names. */
class TestedVersionsTest {
    @Test
    void jacksonAndDisruptorAreTheVersionsAskedFor() {
        TestedVersions.assertLoaded("jackson", JsonFactory.class);
        TestedVersions.assertLoaded("disruptor", RingBuffer.class);
    }
}
