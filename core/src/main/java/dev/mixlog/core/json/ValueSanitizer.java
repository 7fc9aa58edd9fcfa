package dev.mixlog.core.json;

import dev.mixlog.core.config.Defaults;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.diag.MixlogStats;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * those, at most {@value Defaults#MAX_NESTING_DEPTH} levels deep and {@value Defaults#MAX_COLLECTION_SIZE}
 * elements wide. Every change is counted in the stats; nothing is thrown.
 */
public final class ValueSanitizer {
    /** Longest property name Mixpanel accepts. */
    public static final int MAX_KEY_LENGTH = 255;
    static final String TOO_DEEP = "[nested too deep]";
    private static final char REPLACEMENT = '\uFFFD';

    private final int maxStringLength;
    private final MixlogStats stats;

    public ValueSanitizer(int maxStringLength, MixlogStats stats) {
        this.maxStringLength = maxStringLength;
        this.stats = stats;
    }

    /** A safe value for a property at the top level of an event's properties. */
    public Object clean(Object value) {
        return clean(value, 1);
    }

    /** A valid property name, or {@code null} when the name cannot be sent (counted). */
    public String cleanKey(Object key) {
        String text = key == null ? null : renderScalar(key);
        if (text == null || text.isEmpty() || text.length() > MAX_KEY_LENGTH) {
            stats.recordAdjusted(Adjustment.INVALID_KEY_IGNORED);
            return null;
        }
        return validUtf16(text);
    }

    /** The text cut to {@code maxLength} characters (never inside a surrogate pair) and made valid UTF-16. */
    public String cleanText(String text, int maxLength, Adjustment onTruncate) {
        String valid = validUtf16(text);
        if (valid.length() <= maxLength) {
            return valid;
        }
        stats.recordAdjusted(onTruncate);
        int end = Character.isHighSurrogate(valid.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return valid.substring(0, end);
    }

    private Object clean(Object value, int depth) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            return cleanText(renderScalar(value), maxStringLength, Adjustment.STRING_TRUNCATED);
        }
        if (value instanceof Number) {
            return cleanNumber((Number) value);
        }
        if (value instanceof Optional) {
            return clean(((Optional<?>) value).orElse(null), depth);
        }
        boolean container = value instanceof Map || value instanceof Iterable || value.getClass().isArray();
        if (container && depth > Defaults.MAX_NESTING_DEPTH) {
            stats.recordAdjusted(Adjustment.TOO_DEEP);
            return TOO_DEEP;
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
        } catch (RuntimeException | StackOverflowError e) {
            return unrenderable(e);
        }
        String text = renderScalar(value);
        return cleanText(text, maxStringLength, Adjustment.STRING_TRUNCATED);
    }

    private Object cleanNumber(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                stats.recordAdjusted(Adjustment.NOT_FINITE);
                return null;
            }
            return number;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal) {
            return number;
        }
        try {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                stats.recordAdjusted(Adjustment.NOT_FINITE);
                return null;
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        } catch (RuntimeException | StackOverflowError e) {
            return unrenderable(e);
        }
    }

    private Map<String, Object> cleanMap(Map<?, ?> map, int depth) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (clean.size() == Defaults.MAX_COLLECTION_SIZE) {
                stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
                break;
            }
            String key = cleanKey(entry.getKey());
            if (key != null) {
                clean.put(key, clean(entry.getValue(), depth + 1));
            }
        }
        return clean;
    }

    private List<Object> cleanList(Iterator<?> items, int sizeHint, int depth) {
        List<Object> clean = new ArrayList<>(Math.min(sizeHint, Defaults.MAX_COLLECTION_SIZE));
        while (items.hasNext()) {
            if (clean.size() == Defaults.MAX_COLLECTION_SIZE) {
                stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
                break;
            }
            clean.add(clean(items.next(), depth + 1));
        }
        return clean;
    }

    private List<Object> cleanArray(Object array, int depth) {
        int length = Array.getLength(array);
        int kept = Math.min(length, Defaults.MAX_COLLECTION_SIZE);
        if (kept < length) {
            stats.recordAdjusted(Adjustment.COLLECTION_TRUNCATED);
        }
        List<Object> clean = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            clean.add(clean(Array.get(array, i), depth + 1));
        }
        return clean;
    }

    /** {@code toString()} of an arbitrary object, or a placeholder when it throws or recurses forever. */
    String renderScalar(Object value) {
        try {
            String text = value.toString();
            return text == null ? "null" : text;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return unrenderable(e);
        }
    }

    private String unrenderable(Throwable error) {
        stats.recordAdjusted(Adjustment.UNRENDERABLE);
        return "[unrenderable: " + error.getClass().getSimpleName() + "]";
    }

    private String validUtf16(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return repairSurrogates(text);
                }
                i++;
            }
        }
        return text;
    }

    private String repairSurrogates(String text) {
        stats.recordAdjusted(Adjustment.INVALID_TEXT);
        StringBuilder fixed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                fixed.append(c).append(text.charAt(++i));
            } else {
                fixed.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return fixed.toString();
    }

    private static int sizeHint(Object iterable) {
        return iterable instanceof Collection ? ((Collection<?>) iterable).size() : 16;
    }
}
