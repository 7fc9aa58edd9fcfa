package dev.mixlog.core.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Large values of every kind are estimated as large, in bounded work, and nothing they do escapes. */
class RetainedSizeTest {
    private static final long TWO_MB = 2L * 1024 * 1024;

    @Test
    void largeValuesOfEveryKindAreEstimatedLarge() {
        assertAtLeast(TWO_MB, RetainedSize.of(new int[512 * 1024]));
        assertAtLeast(TWO_MB, RetainedSize.of(new byte[2 * 1024 * 1024]));
        List<Long> longs = new ArrayList<>();
        for (long i = 0; i < 128 * 1024; i++) {
            longs.add(i);
        }
        assertAtLeast(TWO_MB, RetainedSize.of(longs));
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < 64 * 1024; i++) {
            map.put("key-" + i, i);
        }
        assertAtLeast(TWO_MB, RetainedSize.of(map));
        assertAtLeast(TWO_MB, RetainedSize.of(new Holder(new int[512 * 1024])));
        assertAtLeast(TWO_MB, RetainedSize.of(new Object[] {List.of(new long[256 * 1024])}));
        assertAtLeast(TWO_MB, RetainedSize.of("x".repeat(1024 * 1024)));
    }

    @Test
    void smallValuesAreSmall() {
        assertTrue(RetainedSize.of("premium") < 64);
        assertTrue(RetainedSize.of(42L) < 64);
        assertTrue(RetainedSize.of(List.of("a", "b")) < 256);
        assertEquals(0, RetainedSize.of(null));
    }

    @Test
    void theWorkIsBoundedWhateverTheSize() {
        AtomicInteger read = new AtomicInteger();
        List<Object> huge = new java.util.AbstractList<>() {
            @Override
            public Object get(int index) {
                read.incrementAndGet();
                return "element";
            }

            @Override
            public int size() {
                return 50_000_000;
            }
        };
        assertAtLeast(50_000_000L * 8, RetainedSize.of(huge));
        assertTrue(read.get() <= 4, () -> read.get() + " elements read");
        // a million lists of a million strings: 10^12 elements, estimated from 4 x 4 of them
        assertAtLeast(1_000_000_000_000L * 8, RetainedSize.of(Collections.nCopies(1_000_000, Collections.nCopies(1_000_000, "x"))));
    }

    @Test
    void valuesThatThrowCountAsSmallObjects() {
        Iterable<Object> failing = new ArrayList<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Iterator<Object> iterator() {
                throw new OutOfMemoryError("thrown by iterator()");
            }

            @Override
            public int size() {
                return 3;
            }
        };
        assertTrue(RetainedSize.of(failing) > 0);
        CharSequence lengthless = new CharSequence() {
            @Override public int length() { throw new AssertionError("no length"); }
            @Override public char charAt(int index) { throw new AssertionError(); }
            @Override public CharSequence subSequence(int start, int end) { throw new AssertionError(); }
        };
        assertTrue(RetainedSize.of(lengthless) > 0);
    }

    private static void assertAtLeast(long expected, long actual) {
        assertTrue(actual >= expected, () -> "estimated " + actual + " B, expected at least " + expected);
    }

    /** A bean of the application's holding a large array. */
    static final class Holder {
        private final int[] samples;
        private final String label = "samples";

        Holder(int[] samples) {
            this.samples = samples;
        }

        @Override
        public String toString() {
            return label + samples.length;
        }
    }
}
