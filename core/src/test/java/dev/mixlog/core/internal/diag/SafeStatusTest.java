package dev.mixlog.core.internal.diag;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.StatusSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every status message passes through secret redaction, and a failing sink never escapes. */
class SafeStatusTest {
    private final List<String> seen = new ArrayList<>();
    private final StatusSink sink = StatusSink.of(seen::add, seen::add, seen::add);

    @Test
    void secretsAndAuthorizationValuesAreBlankedOut() {
        SafeStatus status = new SafeStatus(sink, List.of("tok-123", "c2VjcmV0Og=="), "MIXPANEL");

        status.error("HTTP 401 {\"error\":\"bad token tok-123\",\"auth\":\"Basic c2VjcmV0Og==\"}");
        status.warn("echo Authorization: Basic dW5rbm93bjp2YWx1ZQ== and authorization=\"bearer abc.def\"");

        assertEquals("Mixpanel appender [MIXPANEL]: HTTP 401 {\"error\":\"bad token ***\",\"auth\":\"Basic ***\"}", seen.get(0));
        assertFalse(seen.get(1).contains("dW5rbm93bjp2YWx1ZQ=="), seen.get(1));
        assertFalse(seen.get(1).contains("abc.def"), seen.get(1));
    }

    @Test
    void aProxyAuthorizationEchoedAsJsonIsBlankedOut() {
        SafeStatus status = new SafeStatus(sink, List.of(), "MIXPANEL");

        status.warn("HTTP 400 {\"headers\":{\"Proxy-Authorization\":\"Basic YW5hbHl0aWNzOnMzY3JldA==\"}}");

        assertFalse(seen.get(0).contains("YW5hbHl0aWNzOnMzY3JldA=="), seen.get(0));
    }

    @Test
    void aSecretCutOffByAShortenedReplyIsHiddenToo() {
        String secret = "SA-SECRET-a1b2c3d4e5f6";
        SafeStatus status = new SafeStatus(sink, List.of(secret), "MIXPANEL");
        String body = "{\"error\":\"" + "x".repeat(270) + " secret " + secret + "\"}";
        String excerpt = new dev.mixlog.core.internal.http.Reply(401, body, null).excerpt();

        status.error("HTTP 401 " + excerpt);

        assertFalse(seen.get(0).contains("SA-SECRET-a1"), seen.get(0));
        assertFalse(seen.get(0).contains("SA-SEC"), seen.get(0));
        assertTrue(seen.get(0).endsWith(" secret ***..."), seen.get(0));
    }

    @Test
    void ordinaryEllipsesAreLeftAlone() {
        SafeStatus status = new SafeStatus(sink, List.of("s3cr3t-value"), "MIXPANEL");

        status.warn("waiting... and retrying... s3 is not a secret...");

        assertEquals("Mixpanel appender [MIXPANEL]: waiting... and retrying... s3 is not a secret...", seen.get(0));
    }

    @Test
    void aThrowingSinkIsContained() {
        StatusSink broken = new StatusSink() {
            @Override
            public void info(String message) {
                throw new IllegalStateException("info");
            }

            @Override
            public void warn(String message) {
                throw new IllegalStateException("warn");
            }

            @Override
            public void error(String message) {
                throw new IllegalStateException("error");
            }
        };
        SafeStatus status = new SafeStatus(broken, List.of(), "x");

        assertDoesNotThrow(() -> {
            status.info("a");
            status.warn("b");
            status.error("c");
        });
    }

    @Test
    void exceptionsAreDescribedByClassAndMessage() {
        assertEquals("IllegalStateException: bad", SafeStatus.describe(new IllegalStateException("bad")));
        assertEquals("NullPointerException", SafeStatus.describe(new NullPointerException()));
    }
}
