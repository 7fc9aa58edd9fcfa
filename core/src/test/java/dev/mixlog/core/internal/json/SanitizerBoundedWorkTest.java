package dev.mixlog.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import dev.mixlog.core.testing.ThrowingValues;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The sanitizer's work is bounded by what it keeps: a huge text costs {@code maxStringLength}
 * characters, a huge collection {@value MixpanelRules#MAX_COLLECTION_SIZE} elements; and a value whose
 * methods throw an {@code Error} becomes a counted placeholder.
 */
class SanitizerBoundedWorkTest {
    private static final int MAX_STRING = 255;
    private final Counters stats = new Counters();
    private final ValueSanitizer sanitizer = new ValueSanitizer(MAX_STRING, stats);

    @Test
    void aHugeTextIsReadOnlyAsFarAsItIsKept() {
        CountingText text = new CountingText(10_000_000);

        Object clean = sanitizer.clean(text);

        assertEquals(MAX_STRING, ((String) clean).length());
        assertTrue(text.read.get() <= MAX_STRING + 1, () -> text.read.get() + " characters read");
        assertEquals(1, stats.adjusted(Adjustment.STRING_TRUNCATED));
    }

    @Test
    void aLoneSurrogateBeyondTheCutIsNeverScanned() {
        String huge = "a".repeat(10_000_000) + '\uD800';

        Object clean = sanitizer.clean(huge);

        assertEquals("a".repeat(MAX_STRING), clean);
        assertEquals(0, stats.adjusted(Adjustment.INVALID_TEXT), "the text past the cut was not looked at");
    }

    @Test
    void aHugeCollectionIsReadOnlyAsFarAsItIsKept() {
        AtomicLong read = new AtomicLong();
        Iterable<Object> endless = () -> new Iterator<>() {
            @Override public boolean hasNext() { return true; }
            @Override public Object next() { return read.incrementAndGet(); }
        };

        Object clean = sanitizer.clean(endless);

        assertEquals(MixpanelRules.MAX_COLLECTION_SIZE, ((List<?>) clean).size());
        assertTrue(read.get() <= MixpanelRules.MAX_COLLECTION_SIZE + 1, () -> read.get() + " elements read");
    }

    @Test
    void errorsFromValuesBecomeCountedPlaceholders() {
        int placeholders = 0;
        for (Supplier<Error> error : ThrowingValues.ERRORS.values()) {
            for (Object value : List.of(ThrowingValues.toStringThrows(error), ThrowingValues.iteratorThrows(error),
                    ThrowingValues.entriesThrow(error))) {
                sanitizer.startRecord();
                Object clean = sanitizer.clean(value);
                assertTrue(String.valueOf(clean).startsWith("[unrenderable: "), () -> "cleaned to " + clean);
                placeholders++;
            }
        }
        assertEquals(placeholders, stats.adjusted(Adjustment.UNRENDERABLE));
    }

    /** A long text of an application's own type that counts the characters read from it. */
    private static final class CountingText implements CharSequence {
        final AtomicLong read = new AtomicLong();
        private final int length;

        CountingText(int length) {
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            read.incrementAndGet();
            return 'x';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder copy = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                copy.append(charAt(i));
            }
            return copy.toString();
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
