package dev.mixlog.core.internal.json;

import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns any logged value into one that fits Mixpanel's limits and cannot fail to serialize:
 * {@code null}, {@link String}, {@link Boolean}, finite numbers, and lists and string-keyed maps of
 * those, at most {@value MixpanelRules#MAX_NESTING_DEPTH} levels deep and {@value MixpanelRules#MAX_COLLECTION_SIZE}
 * elements wide. Every change is counted in the stats; nothing is thrown. Within a record (see
 * {@link #startRecord()}), cleaning stops once the record is sure to reach Mixpanel's 1 MB limit, so
 * a small value that would expand enormously (a wide map nested into itself) costs little.
 */
public final class ValueSanitizer {
    static final String TOO_DEEP = "[nested too deep]";

    private final int maxStringLength;
    /** How much of a long {@link CharSequence} {@link #renderScalar} copies: enough for any use of the text. */
    private final int renderLimit;
    private final Counters stats;
    /** What the record may still take, counted in a lower bound of its serialized bytes; unlimited outside a record. */
    private long budget = Long.MAX_VALUE;

    public ValueSanitizer(int maxStringLength, Counters stats) {
        this.maxStringLength = maxStringLength;
        this.renderLimit = Math.max(maxStringLength, MixpanelRules.MAX_PROPERTY_NAME_LENGTH);
        this.stats = stats;
    }

    /** Starts a record (an event or an update): what is cleaned from now on counts against its 1 MB. */
    public void startRecord() {
        budget = MixpanelRules.MAX_EVENT_BYTES;
    }

    /**
     * Whether what was cleaned since {@link #startRecord()} makes the record 1 MB or larger once
     * serialized. From then on, {@link #clean(Object)} returns {@code null} at once: the record is to be dropped.
     */
    public boolean overBudget() {
        return budget < 0;
    }

    /** A safe value for a property at the top level of an event's properties. */
    public Object clean(Object value) {
        return clean(value, 1);
    }

    /** A valid property name, or {@code null} when the name cannot be sent (counted). */
    public String cleanKey(Object key) {
        String text = key == null ? null : renderScalar(key);
        if (text == null || text.isEmpty() || text.length() > MixpanelRules.MAX_PROPERTY_NAME_LENGTH) {
            stats.recordAdjusted(Adjustment.INVALID_KEY_IGNORED);
            return null;
        }
        return validUtf16(text);
    }

    /**
     * A logged id (a {@code distinct_id}, a group id) as text: rendered, trimmed and cut to
     * {@value MixpanelRules#MAX_NAME_LENGTH} characters; {@code null} when missing. Whether Mixpanel
     * takes it is {@link MixpanelRules#usableId}'s to say.
     */
    public String idText(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof String ? (String) value : renderScalar(value);
        return cleanText(text.trim(), MixpanelRules.MAX_NAME_LENGTH, Adjustment.STRING_TRUNCATED);
    }

    /**
     * The text cut to {@code maxLength} characters (never inside a surrogate pair) and made valid
     * UTF-16; the work is bounded by {@code maxLength}, however long the text.
     */
    public String cleanText(String text, int maxLength, Adjustment onTruncate) {
        if (text.length() <= maxLength) {
            return validUtf16(text);
        }
        stats.recordAdjusted(onTruncate);
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return validUtf16(text.substring(0, end));
    }

    private Object clean(Object value, int depth) {
        if (budget < 0) {
            return null;
        }
        if (value == null || value instanceof Boolean) {
            budget -= 4;
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            return charged(cleanText(renderScalar(value), maxStringLength, Adjustment.STRING_TRUNCATED));
        }
        if (value instanceof Number) {
            budget -= 1;
            return cleanNumber((Number) value);
        }
        if (value instanceof Optional) {
            return clean(((Optional<?>) value).orElse(null), depth);
        }
        boolean container = value instanceof Map || value instanceof Iterable || value.getClass().isArray();
        if (container && depth > MixpanelRules.MAX_NESTING_DEPTH) {
            stats.recordAdjusted(Adjustment.TOO_DEEP);
            return charged(TOO_DEEP);
        }
        if (container) {
            budget -= 1;
        }
        try {
            if (value instanceof Map) {
                return cleanMap((Map<?, ?>) value, depth);
            }
            if (value instanceof Iterable) {
                return cleanList(((Iterable<?>) value).iterator(), sizeHint(value), depth);
            }
            if (value.getClass().isArray()) {
                return cleanArray(value, depth);
            }
        } catch (Throwable e) {
            return charged(unrenderable(e));
        }
        String text = renderScalar(value);
        return charged(cleanText(text, maxStringLength, Adjustment.STRING_TRUNCATED));
    }

    /** Counts a string value against the budget: its characters and quotes, at least one byte each. */
    private String charged(String text) {
        budget -= text.length() + 2L;
        return text;
    }

    private Object cleanNumber(Number number) {
        try {
            Number finite = FiniteNumbers.finite(number);
            if (finite == null) {
                stats.recordAdjusted(Adjustment.NOT_FINITE);
            }
            return finite;
        } catch (Throwable e) {
            return unrenderable(e);
        }
    }

    private Map<String, Object> cleanMap(Map<?, ?> map, int depth) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (budget < 0) {
                break;
            }
            if (clean.size() == MixpanelRules.MAX_COLLECTION_SIZE) {
                stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
                break;
            }
            String key = cleanKey(entry.getKey());
            if (key != null) {
                budget -= key.length() + 3L;
                clean.put(key, clean(entry.getValue(), depth + 1));
            }
        }
        return clean;
    }

    private List<Object> cleanList(Iterator<?> items, int sizeHint, int depth) {
        List<Object> clean = new ArrayList<>(Math.min(sizeHint, MixpanelRules.MAX_COLLECTION_SIZE));
        while (items.hasNext() && budget >= 0) {
            if (clean.size() == MixpanelRules.MAX_COLLECTION_SIZE) {
                stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
                break;
            }
            budget -= 1;
            clean.add(clean(items.next(), depth + 1));
        }
        return clean;
    }

    private List<Object> cleanArray(Object array, int depth) {
        int length = Array.getLength(array);
        int kept = Math.min(length, MixpanelRules.MAX_COLLECTION_SIZE);
        if (kept < length) {
            stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
        }
        List<Object> clean = new ArrayList<>(kept);
        for (int i = 0; i < kept && budget >= 0; i++) {
            budget -= 1;
            clean.add(clean(Array.get(array, i), depth + 1));
        }
        return clean;
    }

    /**
     * {@code toString()} of an arbitrary object, or a placeholder when it throws anything (an
     * {@code Error} too) or recurses forever. A {@link CharSequence} other than a {@code String} is
     * copied no further than {@code maxStringLength} (or a property name's limit, if longer) and one
     * more character, which marks it as cut.
     */
    String renderScalar(Object value) {
        try {
            String text;
            if (value instanceof CharSequence && !(value instanceof String)) {
                CharSequence chars = (CharSequence) value;
                text = (chars.length() > renderLimit ? chars.subSequence(0, renderLimit + 1) : chars).toString();
            } else {
                text = value.toString();
            }
            return text == null ? "null" : text;
        } catch (Throwable e) {
            return unrenderable(e);
        }
    }

    private String unrenderable(Throwable error) {
        stats.recordAdjusted(Adjustment.UNRENDERABLE);
        return "[unrenderable: " + error.getClass().getSimpleName() + "]";
    }

    private String validUtf16(String text) {
        String valid = Utf16.valid(text);
        if (valid != text) {
            stats.recordAdjusted(Adjustment.INVALID_TEXT);
        }
        return valid;
    }

    private static int sizeHint(Object iterable) {
        return iterable instanceof Collection ? ((Collection<?>) iterable).size() : 16;
    }
}
