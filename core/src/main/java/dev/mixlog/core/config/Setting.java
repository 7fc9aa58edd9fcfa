package dev.mixlog.core.config;

import dev.mixlog.core.internal.config.ProxySetting;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One appender setting, described once: its name (the Logback element, the Log4j2 attribute, the
 * Spring Boot property in kebab case), how its text is read, its default, the values it accepts,
 * whether it is a secret, and one sentence of documentation. {@link Settings} lists every one; the
 * appenders, the settings table of docs/configuration.md and the checks of {@link MixlogSettings} all follow it.
 *
 * @param <T> the type of the setting's value
 */
public final class Setting<T> {
    private final String name;
    private final String defaultText;
    private final T defaultValue;
    private final boolean secret;
    private final boolean repeatable;
    private final String documentation;
    private final Reader<T> reader;
    private final List<String> choices;
    /** For a secret: what of a text given for it no output may show (the text itself, for most). */
    private final Function<String, List<String>> secretParts;

    /** How a setting's texts become its value; throws {@link IllegalArgumentException} with the problem sentence. */
    interface Reader<T> {
        T read(String setting, List<String> texts);
    }

    private Setting(String name, String defaultText, T defaultValue, boolean secret, boolean repeatable,
                    String documentation, Reader<T> reader) {
        this(name, defaultText, defaultValue, secret, repeatable, documentation, reader, List.of());
    }

    private Setting(String name, String defaultText, T defaultValue, boolean secret, boolean repeatable,
                    String documentation, Reader<T> reader, List<String> choices) {
        this(name, defaultText, defaultValue, secret, repeatable, documentation, reader, choices, List::of);
    }

    private Setting(String name, String defaultText, T defaultValue, boolean secret, boolean repeatable,
                    String documentation, Reader<T> reader, List<String> choices, Function<String, List<String>> secretParts) {
        this.secretParts = secretParts;
        this.choices = List.copyOf(choices);
        this.name = name;
        this.defaultText = defaultText;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.repeatable = repeatable;
        this.documentation = documentation;
        this.reader = reader;
    }

    /** The name users write: {@code <maxBatchEvents>}, {@code maxBatchEvents="..."}, {@code mixlog.max-batch-events}. */
    public String name() {
        return name;
    }

    /** The default as documented ({@code 2MiB}, {@code 1s}, {@code none}). */
    public String defaultText() {
        return defaultText;
    }

    /** The value when the setting is not given; {@code null} when there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The values a setting with a fixed set of them accepts, as its documentation writes them, default first; empty for others. */
    public List<String> choices() {
        return choices;
    }

    /** Whether the value is a credential, to be kept out of every output. */
    public boolean isSecret() {
        return secret;
    }

    /** What of a text given for this secret setting no output may show: the text, and for a URL its credentials. */
    List<String> secretParts(String text) {
        return secretParts.apply(text);
    }

    /** Whether the setting may be given several times (its values add up), as {@code <mdcExclude>}. */
    public boolean isRepeatable() {
        return repeatable;
    }

    /** One sentence saying what the setting does. */
    public String documentation() {
        return documentation;
    }

    /**
     * The value of the texts given for this setting (the last one counts, or all of them for a
     * repeatable setting); the default when none is given.
     *
     * @throws IllegalArgumentException with a sentence naming the setting and saying what to fix
     */
    T read(List<String> texts) {
        return texts.isEmpty() ? defaultValue : reader.read(name, texts);
    }

    /**
     * The texts that stand for a value set in code, so that it is checked by the same rules as
     * text from a configuration file: a duration in milliseconds (exactly, with decimals), an enum
     * by its name, keys and properties one text each.
     */
    static List<String> textsOf(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Duration) {
            return List.of(BigDecimal.valueOf(((Duration) value).toNanos(), 6).toPlainString() + "ms");
        }
        if (value instanceof Enum) {
            return List.of(((Enum<?>) value).name());
        }
        if (value instanceof Set) {
            List<String> texts = new java.util.ArrayList<>();
            ((Set<?>) value).forEach(key -> texts.add(String.valueOf(key)));
            return texts;
        }
        if (value instanceof Map) {
            List<String> texts = new java.util.ArrayList<>();
            ((Map<?, ?>) value).forEach((key, text) -> texts.add(key + "=" + text));
            return texts;
        }
        return List.of(String.valueOf(value));
    }

    // ---- kinds of settings ----

    static Setting<String> text(String name, String defaultText, String defaultValue, String documentation) {
        return new Setting<>(name, defaultText, defaultValue, false, false, documentation, (setting, texts) -> {
            String value = last(texts);
            return value == null ? defaultValue : value;
        });
    }

    static Setting<String> secret(String name, String documentation) {
        return new Setting<>(name, "none", null, true, false, documentation, (setting, texts) -> last(texts));
    }

    static Setting<Boolean> bool(String name, boolean defaultValue, String documentation) {
        return new Setting<>(name, String.valueOf(defaultValue), defaultValue, false, false, documentation,
                (setting, texts) -> parsed(setting, texts, SettingParser::bool, "true or false", defaultValue));
    }

    static Setting<Integer> integer(String name, int defaultValue, int min, int max, String defaultText, String documentation) {
        String expected = "a whole number from " + min + " to " + max;
        return new Setting<>(name, defaultText, defaultValue, false, false, documentation, (setting, texts) -> {
            Integer value = parsed(setting, texts, SettingParser::integer, expected, defaultValue);
            if (value < min || value > max) {
                throw new IllegalArgumentException(setting + " must be " + expected + ", got " + value + ".");
            }
            return value;
        });
    }

    static Setting<Long> bytes(String name, long defaultValue, long min, long max, String defaultText, String documentation) {
        return new Setting<>(name, defaultText, defaultValue, false, false, documentation, (setting, texts) -> {
            Long value = parsed(setting, texts, SettingParser::bytes, "a size such as 512KiB or 2MiB", defaultValue);
            if (value < min || value > max) {
                throw new IllegalArgumentException(setting + " must be from " + min + " to " + max + " bytes, got '"
                        + last(texts) + "'.");
            }
            return value;
        });
    }

    static Setting<Duration> duration(String name, Duration defaultValue, Duration min, Duration max, String defaultText,
                                      String documentation) {
        return new Setting<>(name, defaultText, defaultValue, false, false, documentation, (setting, texts) -> {
            Duration value = parsed(setting, texts, SettingParser::duration, "a duration such as 500ms, 2s or 1min", defaultValue);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(setting + " must be from " + min + " to " + max + ", got '"
                        + last(texts) + "'.");
            }
            return value;
        });
    }

    static <E extends Enum<E>> Setting<E> choice(String name, E defaultValue, Function<String, E> parser, String expected,
                                                 String documentation) {
        // the values accepted are listed default first ("import or track", "US, EU or IN"): the default is shown as written there
        List<String> choices = List.of(expected.split(",? or |, "));
        return new Setting<>(name, "`" + choices.get(0) + "`", defaultValue, false, false,
                documentation, (setting, texts) -> parsed(setting, texts, parser, expected, defaultValue), choices);
    }

    /** A proxy: {@code none}, or {@code http://[user:password@]host:port}; a secret, since it may carry credentials. */
    static Setting<String> proxy(String name, String defaultText, String documentation) {
        return new Setting<>(name, defaultText, null, true, false, documentation, (setting, texts) -> {
            String text = last(texts);
            if (text != null) {
                try {
                    ProxySetting.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(setting + " must be " + ProxySetting.EXPECTED + ", got '"
                            + Redaction.url(text) + "' (" + e.getMessage() + ").");
                }
            }
            return text;
        }, List.of(), Redaction::secretParts);
    }

    /** Keys, comma-separated, repeatable: every text adds its keys. */
    static Setting<Set<String>> keys(String name, String defaultText, String documentation) {
        return new Setting<>(name, defaultText, Set.of(), false, true, documentation, (setting, texts) -> {
            Set<String> keys = new LinkedHashSet<>();
            for (String text : texts) {
                for (String key : text == null ? new String[0] : text.split(",")) {
                    if (!key.isBlank()) {
                        keys.add(key.trim());
                    }
                }
            }
            return Collections.unmodifiableSet(keys);
        });
    }

    /** Properties written {@code name=value}, repeatable: every text adds one. */
    static Setting<Map<String, String>> properties(String name, String documentation) {
        return new Setting<>(name, "none", Map.of(), false, true, documentation, (setting, texts) -> {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String text : texts) {
                int eq = text == null ? -1 : text.indexOf('=');
                String key = eq < 0 ? text : text.substring(0, eq);
                if (eq < 0 || key.isBlank()) {
                    String example = name.equals("staticProperty") ? "a static property needs a name and a value (Logback: "
                            + "<staticProperty>env=prod</staticProperty>; Log4j2: <Property name=\"env\" value=\"prod\"/>)"
                            : name + " needs a name and a value, name=value";
                    throw new IllegalArgumentException(example + ", got name '" + key + "' and value '"
                            + (eq < 0 ? null : text.substring(eq + 1)) + "'.");
                }
                properties.put(key.trim(), text.substring(eq + 1).trim());
            }
            return Collections.unmodifiableMap(properties);
        });
    }

    private static <T> T parsed(String setting, List<String> texts, Function<String, T> parser, String expected, T fallback) {
        String text = last(texts);
        if (text == null) {
            return fallback;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting + " must be " + expected + ", got '" + text + "'.");
        }
    }

    /** The last text given, trimmed; {@code null} when it is blank. */
    private static String last(List<String> texts) {
        String text = texts.get(texts.size() - 1);
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Override
    public String toString() {
        return name;
    }
}
