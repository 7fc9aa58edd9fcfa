package dev.mixlog.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text of one setting, as written in XML, into its typed value. */
final class SettingParser {
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    private SettingParser() {
    }

    /**
     * Durations such as {@code 500ms}, {@code 2s}, {@code 1 second}, {@code 10 min}, {@code 1h}, {@code 1d},
     * or ISO-8601 ({@code PT2S}, as Spring Boot also reads {@code java.time.Duration} properties); a bare
     * number is milliseconds.
     */
    static Duration duration(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            Duration iso;
            try {
                iso = Duration.parse(trimmed);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
            if (iso.isNegative()) {
                throw new IllegalArgumentException();
            }
            return iso;
        }
        Matcher m = QUANTITY.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException();
        }
        double amount = Double.parseDouble(m.group(1));
        double millis;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "": case "ms": case "milli": case "millis": case "millisecond": case "milliseconds":
                millis = amount; break;
            case "s": case "sec": case "secs": case "second": case "seconds":
                millis = amount * 1_000; break;
            case "m": case "min": case "mins": case "minute": case "minutes":
                millis = amount * 60_000; break;
            case "h": case "hour": case "hours":
                millis = amount * 3_600_000; break;
            case "d": case "day": case "days":
                millis = amount * 86_400_000; break;
            default:
                throw new IllegalArgumentException();
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /**
     * Sizes such as {@code 2MiB}, {@code 2MB}, {@code 512KB}, {@code 1048576}; a bare number is bytes. A
     * kilobyte is 1024 bytes, as Logback's {@code FileSize}, Log4j2's sizes and Spring's {@code DataSize}
     * count it ({@code KiB}, {@code MiB} and {@code GiB} say the same).
     */
    static long bytes(String text) {
        Matcher m = QUANTITY.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException();
        }
        double amount = Double.parseDouble(m.group(1));
        long unit;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "": case "b": unit = 1; break;
            case "kb": case "kib": case "k": unit = 1L << 10; break;
            case "mb": case "mib": case "m": unit = 1L << 20; break;
            case "gb": case "gib": case "g": unit = 1L << 30; break;
            case "tb": case "tib": case "t": unit = 1L << 40; break;
            default: throw new IllegalArgumentException();
        }
        return Math.round(amount * unit);
    }

    static boolean bool(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw new IllegalArgumentException();
        }
    }

    static int integer(String text) {
        return Integer.parseInt(text.trim().replace("_", ""));
    }
}
