package dev.mixlog.logback;

import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Reads logstash-logback-encoder's structured arguments ({@code kv}, {@code keyValue}, {@code value},
 * {@code entries}, {@code fields}, {@code array}, {@code raw}, {@code defer}) as typed properties,
 * when that library is on the class path. Each argument writes itself through its public
 * {@code writeTo(JsonGenerator)}, as it does into logstash's own JSON, and the fields it writes are
 * read back as numbers, booleans, text, lists and maps: a property has the type it has in logstash's
 * output. Versions 7 and 8 of the library write through Jackson 2, version 9 through Jackson 3; the
 * parameter type of {@code writeTo} tells which, and only that Jackson's reader is loaded.
 */
final class StructuredArguments {
    static final String ARGUMENT_TYPE = "net.logstash.logback.argument.StructuredArgument";
    private static final String JACKSON_2_GENERATOR = "com.fasterxml.jackson.core.JsonGenerator";
    private static final String JACKSON_3_GENERATOR = "tools.jackson.core.JsonGenerator";
    /** At most this much JSON from one argument: Mixpanel takes no event of 1 MB or more anyway. */
    static final int MAX_JSON_CHARS = 1024 * 1024;

    /** Writes an argument's fields, through a generator of one Jackson generation, and reads them back. */
    interface FieldsReader {
        Map<String, Object> read(Object argument, Method writeTo, Writer text) throws Exception;
    }

    private static final StructuredArguments ABSENT = new StructuredArguments(null, null, null);

    private final Class<?> argumentType;
    private final Method writeTo;
    private final Supplier<FieldsReader> readers;
    /** Made at the first argument (a mapper costs milliseconds), by the consumer thread that reads it. */
    private FieldsReader reader;

    private StructuredArguments(Class<?> argumentType, Method writeTo, Supplier<FieldsReader> readers) {
        this.argumentType = argumentType;
        this.writeTo = writeTo;
        this.readers = readers;
    }

    /** The reader for the structured arguments {@code loader} sees, or one that sees none. */
    static StructuredArguments on(ClassLoader loader) {
        try {
            Class<?> type = Class.forName(ARGUMENT_TYPE, false, loader);
            for (Method method : type.getMethods()) {
                if (method.getName().equals("writeTo") && method.getParameterCount() == 1) {
                    String generator = method.getParameterTypes()[0].getName();
                    if (generator.equals(JACKSON_2_GENERATOR)) {
                        return new StructuredArguments(type, method, Jackson2Fields::new);
                    }
                    if (generator.equals(JACKSON_3_GENERATOR)) {
                        return new StructuredArguments(type, method, Jackson3Fields::new);
                    }
                }
            }
            return ABSENT;
        } catch (ClassNotFoundException | LinkageError absent) {
            // logstash-logback-encoder, or the Jackson it writes through, is not there
            return ABSENT;
        }
    }

    /** Whether the library is there and this reader reads its arguments. */
    boolean present() {
        return argumentType != null;
    }

    boolean isStructured(Object argument) {
        return argumentType != null && argumentType.isInstance(argument);
    }

    /**
     * Gives {@code action} each field the argument writes, with its JSON type. Throws, naming the
     * argument's type, when the argument cannot write itself or writes more than {@link #MAX_JSON_CHARS}.
     */
    void forEachField(Object argument, BiConsumer<String, Object> action) {
        Map<String, Object> fields;
        try {
            if (reader == null) {
                reader = readerOrFailure();
            }
            fields = reader.read(argument, writeTo, new BoundedText(MAX_JSON_CHARS));
        } catch (InvocationTargetException e) {
            throw unwritable(argument, e.getCause());
        } catch (Exception | LinkageError | java.util.ServiceConfigurationError e) {
            throw unwritable(argument, e);
        }
        fields.forEach(action);
    }

    /** The reader, or, when it cannot be made (its Jackson is broken), one that fails each time with the same cause. */
    private FieldsReader readerOrFailure() {
        try {
            return readers.get();
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError broken) {
            return (argument, method, text) -> {
                throw new IllegalStateException("Jackson could not be used to read structured arguments", broken);
            };
        }
    }

    private static IllegalArgumentException unwritable(Object argument, Throwable cause) {
        return new IllegalArgumentException("the structured argument " + argument.getClass().getName()
                + " (logstash-logback-encoder) could not be written as JSON", cause);
    }

    /** The JSON an argument writes, refused past a bound so one huge value cannot take the heap. */
    static final class BoundedText extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;

        BoundedText(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            if (text.length() + length > limit) {
                throw new IllegalStateException("more than " + limit + " characters of JSON");
            }
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
