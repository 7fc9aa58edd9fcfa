package dev.mixlog.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Records what a scenario measured: printed, and appended to {@code target/fault-suite-figures.txt}. */
public final class Figures {
    private static final Path FILE = Path.of("target", "fault-suite-figures.txt");

    private Figures() {
    }

    public static void report(String scenario, String figures) {
        String line = "[fault-suite] " + scenario + ": " + figures;
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
