package dev.mixlog.benchmarks.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** One measurement's results: {@code key=value} pairs in a properties file, read back by the report. */
public final class ResultFile {
    private final Properties values = new Properties();

    public ResultFile put(String key, String value) {
        values.setProperty(key, value);
        return this;
    }

    public ResultFile put(String key, long value) {
        return put(key, Long.toString(value));
    }

    public ResultFile put(String key, double value) {
        return put(key, String.format(Locale.ROOT, "%.6g", value));
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    /** A numeric value, or NaN when absent. */
    public double number(String key) {
        String text = values.getProperty(key);
        return text == null ? Double.NaN : Double.parseDouble(text);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Every key, in no particular order. */
    public Set<String> keys() {
        return values.stringPropertyNames();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResultFile read(Path file) {
        ResultFile result = new ResultFile();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result.values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
