package dev.mixlog.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.diag.Adjustment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Any logged value made safe for Mixpanel, every change counted, nothing thrown. */
class ValueSanitizerTest {
    private final Counters stats = new Counters();
    private final ValueSanitizer sanitizer = new ValueSanitizer(10, stats);

    private enum Plan { FREE, ENTERPRISE }

    @Test
    void jsonValuesPassUnchanged() {
        assertNull(sanitizer.clean(null));
        assertEquals(true, sanitizer.clean(true));
        assertEquals("short", sanitizer.clean("short"));
        assertEquals(42, sanitizer.clean(42));
        assertEquals(42L, sanitizer.clean(42L));
        assertEquals(2.5, sanitizer.clean(2.5));
        assertEquals(new BigDecimal("1.25"), sanitizer.clean(new BigDecimal("1.25")));
        assertEquals(BigInteger.TEN, sanitizer.clean(BigInteger.TEN));
        assertEquals(List.of(1, "a", false), sanitizer.clean(List.of(1, "a", false)));
        assertEquals(Map.of("k", 1), sanitizer.clean(Map.of("k", 1)));
        assertNoAdjustment();
    }

    @Test
    void otherValuesBecomeJsonValues() {
        assertEquals("ENTERPRISE", sanitizer.clean(Plan.ENTERPRISE));
        assertEquals("x", sanitizer.clean('x'));
        assertEquals(List.of(1, 2, 3), sanitizer.clean(new int[] {1, 2, 3}));
        assertEquals(List.of("a", "b"), sanitizer.clean(new String[] {"a", "b"}));
        assertEquals(7, sanitizer.clean(Optional.of(7)));
        assertNull(sanitizer.clean(Optional.empty()));
        assertEquals(5L, sanitizer.clean(new AtomicInteger(5)));
        assertEquals(Map.of("1", "one"), sanitizer.clean(Map.of(1, "one")));
        assertEquals("custom", sanitizer.clean(new Object() {
            @Override
            public String toString() {
                return "custom";
            }
        }));
        assertNoAdjustment();
    }

    @Test
    void longStringsAreCutToMaxStringLength() {
        assertEquals("abcdefghij", sanitizer.clean("abcdefghijklmnop"));
        assertEquals(List.of("abcdefghij"), sanitizer.clean(List.of("abcdefghijklmnop")));
        assertEquals(2, stats.adjusted(Adjustment.STRING_TRUNCATED));
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String text = "123456789" + emoji + "tail";

        Object clean = sanitizer.clean(text);

        assertEquals("123456789", clean);
    }

    @Test
    void notFiniteNumbersBecomeNull() {
        assertNull(sanitizer.clean(Double.NaN));
        assertNull(sanitizer.clean(Double.POSITIVE_INFINITY));
        assertNull(sanitizer.clean(Float.NEGATIVE_INFINITY));
        assertNull(sanitizer.clean(new AtomicLong(1) {
            private static final long serialVersionUID = 1L;

            @Override
            public double doubleValue() {
                return Double.NaN;
            }
        }));
        assertEquals(4, stats.adjusted(Adjustment.NOT_FINITE));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb", sanitizer.clean("a\uD800b"));
        assertEquals("\uFFFD", sanitizer.clean("\uDC00"));
        assertEquals("ok\uD83D\uDE00", sanitizer.clean("ok\uD83D\uDE00"));
        assertEquals(Map.of("k\uFFFD", 1), sanitizer.clean(Map.of("k\uD800", 1)));
        assertEquals(3, stats.adjusted(Adjustment.INVALID_TEXT));
    }

    @Test
    void deepNestingIsReplacedBelowLevelThree() {
        Object threeLevels = Map.of("l2", Map.of("l3", Map.of("leaf", 1)));
        Object fourLevels = Map.of("l2", Map.of("l3", Map.of("l4", Map.of("leaf", 1))));

        assertEquals(threeLevels, sanitizer.clean(threeLevels));
        assertNoAdjustment();
        assertEquals(Map.of("l2", Map.of("l3", Map.of("l4", ValueSanitizer.TOO_DEEP))), sanitizer.clean(fourLevels));
        assertEquals(1, stats.adjusted(Adjustment.TOO_DEEP));
    }

    @Test
    void aCyclicMapEndsInAPlaceholder() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);

        Object clean = sanitizer.clean(cyclic);

        assertEquals(Map.of("self", Map.of("self", Map.of("self", ValueSanitizer.TOO_DEEP))), clean);
        assertEquals(1, stats.adjusted(Adjustment.TOO_DEEP));
    }

    @Test
    void aCyclicListEndsInAPlaceholder() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);

        assertEquals(List.of(List.of(List.of(ValueSanitizer.TOO_DEEP))), sanitizer.clean(cyclic));
    }

    @Test
    void largeCollectionsAreCutTo254Elements() {
        List<Integer> list = new ArrayList<>();
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            list.add(i);
            map.put("k" + i, i);
        }

        assertEquals(254, ((List<?>) sanitizer.clean(list)).size());
        assertEquals(254, ((Map<?, ?>) sanitizer.clean(map)).size());
        assertEquals(254, ((List<?>) sanitizer.clean(new long[300])).size());
        assertEquals(3, stats.adjusted(Adjustment.COLLECTION_TRUNCATED));
    }

    @Test
    void aThrowingToStringBecomesAPlaceholder() {
        Object clean = sanitizer.clean(new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        });

        assertEquals("[unrendera", clean, "placeholder, cut to maxStringLength");
        assertEquals(1, stats.adjusted(Adjustment.UNRENDERABLE));
    }

    private enum Broken {
        VALUE {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("no name");
            }
        }
    }

    @Test
    void anEnumOrCharSequenceWhoseToStringThrowsBecomesAPlaceholder() {
        ValueSanitizer roomy = new ValueSanitizer(255, stats);
        CharSequence brokenText = new CharSequence() {
            @Override
            public int length() {
                return 1;
            }

            @Override
            public char charAt(int index) {
                return 'x';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return this;
            }

            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        };

        assertEquals("[unrenderable: UnsupportedOperationException]", roomy.clean(Broken.VALUE));
        assertEquals("[unrenderable: IllegalStateException]", roomy.clean(brokenText));
        assertEquals(2, stats.adjusted(Adjustment.UNRENDERABLE));
    }

    @Test
    void aRecursingToStringBecomesAPlaceholder() {
        ValueSanitizer roomy = new ValueSanitizer(255, stats);
        Object clean = roomy.clean(new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        });

        assertEquals("[unrenderable: StackOverflowError]", clean);
        assertEquals(1, stats.adjusted(Adjustment.UNRENDERABLE));
    }

    @Test
    void aMapThatFailsWhileIteratedBecomesAPlaceholder() {
        Map<String, Object> broken = new HashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                throw new UnsupportedOperationException("no");
            }
        };

        assertEquals("[unrenderable: UnsupportedOperationException]", new ValueSanitizer(255, stats).clean(broken));
    }

    @Test
    void invalidKeysAreIgnored() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(null, 1);
        map.put("", 2);
        map.put("x".repeat(256), 3);
        map.put("ok", 4);

        assertEquals(Map.of("ok", 4), sanitizer.clean(map));
        assertEquals(3, stats.adjusted(Adjustment.INVALID_KEY_IGNORED));
    }

    @Test
    void cleanTextCountsUnderTheGivenAdjustment() {
        assertEquals("abc", sanitizer.cleanText("abcdef", 3, Adjustment.EVENT_NAME_TRUNCATED));
        assertEquals(1, stats.adjusted(Adjustment.EVENT_NAME_TRUNCATED));
        assertTrue(stats.adjusted(Adjustment.STRING_TRUNCATED) == 0);
    }

    private void assertNoAdjustment() {
        for (Adjustment adjustment : Adjustment.values()) {
            assertEquals(0, stats.adjusted(adjustment), adjustment::name);
        }
    }
}
