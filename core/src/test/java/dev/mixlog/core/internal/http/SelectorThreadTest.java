package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The transport knows its HTTP client's selector thread, whose logging appenders must ignore, and no other. */
class SelectorThreadTest {
    @Test
    void recognizesItsOwnClientsSelectorThreadOnly() {
        try (MixpanelTransport transport = new MixpanelTransport(Duration.ofSeconds(1), Duration.ofSeconds(1), false)) {
            HttpClient other = HttpClient.newHttpClient();
            List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().endsWith("-SelectorManager")).collect(Collectors.toList());

            List<Thread> ours = selectors.stream().filter(transport::isSelectorThread).collect(Collectors.toList());
            assertEquals(1, ours.size(), "selector threads: " + selectors);
            assertTrue(selectors.size() >= 2, "the other client's selector thread runs too: " + selectors + " " + other);
            assertFalse(transport.isSelectorThread(Thread.currentThread()));
        }
    }
}
