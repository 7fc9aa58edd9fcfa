package dev.mixlog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Assertions shared by the appenders' tests of events, profile and group updates on one server. */
public final class EndpointChecks {
    private static final Map<String, Function<JsonNode, List<String>>> SCHEMAS = Map.of(
            "/import", MixpanelSchema::importBody,
            "/engage", MixpanelSchema::profileUpdates,
            "/groups", MixpanelSchema::groupUpdates,
            "/track", MixpanelSchema::trackBody);

    private EndpointChecks() {
    }

    /** Checks every request against its endpoint's schema and the query and encoding that endpoint takes. */
    public static void assertEveryRequestValid(MockMixpanel server) {
        for (MockMixpanel.Received request : server.requests()) {
            assertTrue(SCHEMAS.containsKey(request.path()), "unexpected path " + request.path());
            assertEquals(List.of(), SCHEMAS.get(request.path()).apply(request.body()), request.path() + " " + request.body());
            if (request.path().equals("/engage") || request.path().equals("/groups")) {
                assertEquals("1", request.query("verbose"));
                assertEquals("0", request.query("ip"));
                assertNull(request.header("Content-Encoding"), "updates are sent uncompressed");
                assertNull(request.header("Authorization"), "the token travels in the body");
            }
        }
    }

    /** The request to {@code path} answered 429 was sent again, byte for byte, once, and not before {@code Retry-After: 1}. */
    public static void assertResentOnce(MockMixpanel server, String path) {
        List<MockMixpanel.Received> requests = server.requestsTo(path);
        List<MockMixpanel.Received> refused = requests.stream()
                .filter(request -> request.status() == 429).collect(Collectors.toList());
        assertEquals(1, refused.size(), path + " answered 429 once");
        MockMixpanel.Received first = refused.get(0);
        List<MockMixpanel.Received> resent = requests.stream()
                .filter(request -> request.accepted() && Arrays.equals(request.decoded(), first.decoded()))
                .collect(Collectors.toList());
        assertEquals(1, resent.size(), path + ": the refused body was accepted exactly once");
        long gap = resent.get(0).atNanos() - first.atNanos();
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
