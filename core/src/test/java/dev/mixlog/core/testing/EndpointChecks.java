package dev.mixlog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Request;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Assertions shared by the appenders' tests of events, profile and group updates on one server. */
public final class EndpointChecks {
    private EndpointChecks() {
    }

    /** Checks every request against its endpoint's rules and the query and encoding that endpoint takes. */
    public static void assertEveryRequestValid(LoopbackMixpanel server) {
        assertEquals(List.of(), server.violations(), "requests that break Mixpanel's rules");
        for (Request request : server.requests()) {
            if (request.path().equals("/engage") || request.path().equals("/groups")) {
                assertEquals("1", request.query("verbose"));
                assertEquals("0", request.query("ip"));
                assertNull(request.header("Content-Encoding"), "updates are sent uncompressed");
                assertNull(request.header("Authorization"), "the token travels in the body");
            }
        }
    }

    /** The request to {@code path} answered 429 was sent again, byte for byte, once, and not before {@code Retry-After: 1}. */
    public static void assertResentOnce(LoopbackMixpanel server, String path) {
        List<Request> requests = server.requestsTo(path);
        List<Request> refused = requests.stream()
                .filter(request -> request.status() == 429).collect(Collectors.toList());
        assertEquals(1, refused.size(), path + " answered 429 once");
        Request first = refused.get(0);
        List<Request> resent = requests.stream()
                .filter(request -> request.accepted() && Arrays.equals(request.decoded(), first.decoded()))
                .collect(Collectors.toList());
        assertEquals(1, resent.size(), path + ": the refused body was accepted exactly once");
        long gap = resent.get(0).arrivedNanos() - first.arrivedNanos();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(950), "resent after " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms");
    }

    /** JSON records written with single quotes for readability. */
    public static List<JsonNode> json(String... singleQuoted) {
        return Arrays.stream(singleQuoted).map(Bodies::singleQuoted).collect(Collectors.toList());
    }

    /** The same records, in any order, each exactly once. */
    public static void assertSameRecords(List<JsonNode> expected, List<JsonNode> actual) {
        assertEquals(new HashSet<>(expected), new HashSet<>(actual));
        assertEquals(expected.size(), actual.size(), () -> "duplicates among " + actual);
    }
}
