package dev.mixlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.testing.ChildJvm;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events with 2 MB {@code int[]}, {@code List<Long>} and {@code Map} values logged in a loop at
 * {@code -Xmx256m} while the endpoint hangs: the byte bound counts them, so no
 * {@code OutOfMemoryError} occurs anywhere, and the events that find no room are counted as ring full.
 */
class LargeValuesFaultTest {
    private static final int EVENTS = 600;

    @Test
    void largeValuesOfAnyKindStayWithinTheByteBound() throws Exception {
        Path configuration = Path.of(LargeValuesFaultTest.class.getResource("/logback/fault-large-values.xml").toURI());
        ChildJvm.Result child;
        try (LoopbackMixpanel server = LoopbackMixpanel.start().hang()) {
            child = ChildJvm.run(ForkedLargeValues.class, List.of("-Xmx256m", "-DmockUrl=" + server.url(),
                    "-Dlogback.configurationFile=" + configuration), String.valueOf(EVENTS));
            server.release();
        }

        assertEquals(0, child.exitCode, child.output);
        assertFalse(child.output.contains("OutOfMemoryError"), child.output);
        assertEquals(0, child.number("thrown"), child.output);
        assertEquals(EVENTS, child.number("delivered") + child.number("dropped"), child.output);
        assertTrue(child.number("ringFull") > 0, child.output);
        assertEquals(child.number("dropped"), child.number("ringFull") + child.number("shutdown"), child.output);
        long maxBuffered = child.number("maxBuffered");
        assertTrue(maxBuffered <= Settings.MAX_BUFFER_BYTES.defaultValue(), child.output);
        Figures.report("large non-string values", EVENTS + " events with a fresh 2 MB int[], List<Long> or Map each, "
                + "endpoint hanging, -Xmx256m: no OutOfMemoryError; " + child.number("ringFull") + " dropped as ring full, "
                + child.number("shutdown") + " at stop; at most " + maxBuffered / (1024 * 1024) + " MiB counted in the ring");
    }
}
