package dev.mixlog.core.internal.capture;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Estimates, on the application thread and in bounded work, how much memory a logged value keeps
 * alive while its event waits in the ring, so that the byte bound ({@code maxBufferBytes}) covers
 * every kind of value: text by its length, primitive arrays exactly, object arrays, collections and
 * maps by their size times the average of their first few elements, other objects by their first
 * few fields. At most {@value #SAMPLED} elements or fields are looked at per container, and
 * {@value #MAX_DEPTH} levels deep, whatever the value's size. Never throws: a value that fails to
 * answer counts as one small object.
 */
public final class RetainedSize {
    private static final int OBJECT = 16;
    private static final int REFERENCE = 8;
    private static final int SAMPLED = 4;
    private static final int MAX_DEPTH = 3;
    /** Each class's instance fields, read once and cached with the class (so a web application's classes stay collectable). */
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            return readableFields(type);
        }
    };

    private RetainedSize() {
    }

    /** The estimated bytes {@code value} keeps alive: 0 for {@code null}. */
    public static long of(Object value) {
        try {
            return of(value, 0);
        } catch (Throwable unanswerable) {
            return OBJECT;
        }
    }

    private static long of(Object value, int depth) {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence) {
            return OBJECT + 2L * ((CharSequence) value).length();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum) {
            return OBJECT;
        }
        if (depth >= MAX_DEPTH) {
            return OBJECT;
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            return ofArray(value, type.getComponentType(), depth);
        }
        if (value instanceof List && value instanceof RandomAccess) {
            return OBJECT + ofList((List<?>) value, depth);
        }
        if (value instanceof Collection) {
            Collection<?> collection = (Collection<?>) value;
            return OBJECT + extrapolated(collection.iterator(), collection.size(), depth);
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            return OBJECT + extrapolated(map.entrySet().iterator(), map.size(), depth);
        }
        if (value instanceof Map.Entry) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
            return OBJECT + of(entry.getKey(), depth + 1) + of(entry.getValue(), depth + 1);
        }
        if (value instanceof Optional) {
            return OBJECT + of(((Optional<?>) value).orElse(null), depth + 1);
        }
        return ofFields(value, depth);
    }

    private static long ofArray(Object array, Class<?> component, int depth) {
        int length = Array.getLength(array);
        if (component.isPrimitive()) {
            return OBJECT + (long) length * primitiveBytes(component);
        }
        return OBJECT + ofList(Arrays.asList((Object[]) array), depth);
    }

    /** As {@link #extrapolated}, read by index: no iterator is allocated on the logging thread. */
    private static long ofList(List<?> list, int depth) {
        int size = list.size();
        int sampled = Math.min(SAMPLED, size);
        long sampledBytes = 0;
        for (int i = 0; i < sampled; i++) {
            sampledBytes += of(list.get(i), depth + 1);
        }
        return average(sampledBytes, sampled) * size;
    }

    /** {@code size} elements, each a reference plus the average of the first {@value #SAMPLED}. */
    private static long extrapolated(Iterator<?> items, int size, int depth) {
        long sampledBytes = 0;
        int sampled = 0;
        while (sampled < SAMPLED && items.hasNext()) {
            sampledBytes += of(items.next(), depth + 1);
            sampled++;
        }
        return average(sampledBytes, sampled) * Math.max(size, sampled);
    }

    private static long average(long sampledBytes, int sampled) {
        return REFERENCE + (sampled == 0 ? 0 : sampledBytes / sampled);
    }

    /** An object of another type: its header and primitive fields, and what its first few reference fields hold. */
    private static long ofFields(Object value, int depth) {
        long bytes = OBJECT;
        int followed = 0;
        for (Field field : FIELDS.get(value.getClass())) {
            Class<?> type = field.getType();
            if (type.isPrimitive()) {
                bytes += primitiveBytes(type);
            } else if (followed++ < SAMPLED) {
                try {
                    bytes += REFERENCE + of(field.get(value), depth + 1);
                } catch (ReflectiveOperationException | RuntimeException unreadable) {
                    bytes += REFERENCE;
                }
            } else {
                bytes += REFERENCE;
            }
        }
        return bytes;
    }

    /** The instance fields of the class and its superclasses that can be read; none of a JDK class's. */
    private static Field[] readableFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            if (at.getName().startsWith("java.")) {
                break;
            }
            for (Field field : at.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && readable(field)) {
                    fields.add(field);
                }
            }
        }
        return fields.toArray(new Field[0]);
    }

    private static boolean readable(Field field) {
        try {
            field.setAccessible(true);
            return true;
        } catch (RuntimeException closedModule) {
            return field.getType().isPrimitive();
        }
    }

    private static int primitiveBytes(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        return 1;
    }
}
