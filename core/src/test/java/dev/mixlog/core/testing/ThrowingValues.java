package dev.mixlog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Logged values that throw {@code Error}s (not only exceptions) from the methods Mixlog calls, the
 * kind that once killed the consumer thread for good. Shared by both appenders' fault tests.
 */
public final class ThrowingValues {
    /** An {@code Error} subclass of an application's own, as {@code ThreadDeath} was. */
    public static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        public Killed(String message) {
            super(message);
        }
    }

    /** The {@code Error}s a value's method may throw, by name. */
    public static final Map<String, Supplier<Error>> ERRORS = Map.of(
            "AssertionError", () -> new AssertionError("never rendered"),
            "OutOfMemoryError", () -> new OutOfMemoryError("Java heap space (thrown by toString)"),
            "ExceptionInInitializerError", () -> new ExceptionInInitializerError("static init failed"),
            "Killed", () -> new Killed("a ThreadDeath-like Error"));

    private ThrowingValues() {
    }

    /**
     * What arrived of a run mixing good events (a {@code seq} property) with bad ones (a {@code value}
     * property from {@link #throwingValue}): the good events' {@code seq}s, the bad ones that carry the
     * placeholder, and any bad one that arrived otherwise.
     */
    public static final class Arrived {
        public final BitSet goodSeqs = new BitSet();
        public int badWithPlaceholder;
        public final List<String> badOtherwise = new ArrayList<>();

        public static Arrived sort(Collection<JsonNode> events) {
            Arrived arrived = new Arrived();
            for (JsonNode event : events) {
                JsonNode properties = event.path("properties");
                if (properties.has("seq")) {
                    arrived.goodSeqs.set(properties.path("seq").intValue());
                } else if (properties.path("value").asText().startsWith("[unrenderable: ")) {
                    arrived.badWithPlaceholder++;
                } else {
                    arrived.badOtherwise.add(properties.toString());
                }
            }
            return arrived;
        }
    }

    /**
     * What every appender must show after {@code good} good and {@code bad} bad events and one more good
     * one: all arrived once, the bad ones with a placeholder counted as an adjustment, nothing dropped,
     * nothing that breaks Mixpanel's rules.
     */
    public static void assertAllArrivedOnce(LoopbackMixpanel server, MixlogStats stats, int good, int bad, long logged) {
        Arrived arrived = Arrived.sort(server.ingestedEvents());
        assertEquals(good + 1, arrived.goodSeqs.cardinality(), "good events that arrived");
        assertEquals(List.of(), arrived.badOtherwise, "bad events that arrived without the placeholder");
        assertEquals(bad, arrived.badWithPlaceholder, "bad events delivered with a placeholder");
        assertEquals(0, server.duplicatesIngested(), "events ingested twice");
        assertEquals(bad, stats.adjusted(Adjustment.UNRENDERABLE), stats::toString);
        assertEquals(logged + 1, stats.delivered(), stats::toString);
        assertEquals(0, stats.droppedTotal(), stats::toString);
        assertEquals(stats.delivered(), server.ingestedCount(), stats::toString);
        assertEquals(List.of(), server.violations());
    }

    /** In turn by {@code index}: a value whose {@code toString()}, iterator or map entries throw the error. */
    public static Object throwingValue(int index, Supplier<Error> error) {
        switch (index % 3) {
            case 0:
                return toStringThrows(error);
            case 1:
                return iteratorThrows(error);
            default:
                return entriesThrow(error);
        }
    }

    /** A value whose {@code toString()} throws the error. */
    public static Object toStringThrows(Supplier<Error> error) {
        return new Object() {
            @Override
            public String toString() {
                throw error.get();
            }
        };
    }

    /** A map whose {@code entrySet()} and {@code forEach} throw the error (a marker payload, a map-valued property). */
    public static Map<String, Object> entriesThrow(Supplier<Error> error) {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw error.get();
            }

            @Override
            public int size() {
                return 3;
            }
        };
    }

    /** A list whose iterator throws the error. */
    public static List<Object> iteratorThrows(Supplier<Error> error) {
        return new java.util.AbstractList<>() {
            @Override
            public Object get(int index) {
                throw error.get();
            }

            @Override
            public int size() {
                return 3;
            }
        };
    }
}
