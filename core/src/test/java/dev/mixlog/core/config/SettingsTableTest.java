package dev.mixlog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is the descriptors' own: one row per {@link Setting}, in order, with its
 * default and its sentence. Run with {@code -Dmixlog.readme.write=true} to write the table from the
 * descriptors after changing one.
 */
class SettingsTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String HEADING = "## Settings\n\n";

    @Test
    void theReadmeTableIsTheDescriptors() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(HEADING) + HEADING.length();
        int end = readme.indexOf("\n\n", start);
        String written = readme.substring(start, end + 1);
        String expected = table();
        if (!expected.equals(written) && Boolean.getBoolean("mixlog.readme.write")) {
            Files.writeString(README, readme.substring(0, start) + expected + readme.substring(end + 1), StandardCharsets.UTF_8);
            written = expected;
        }
        assertEquals(expected, written, "README.md's settings table; -Dmixlog.readme.write=true writes it from Settings");
    }

    /** The table as the descriptors describe it. */
    static String table() {
        StringBuilder table = new StringBuilder("| setting | default | meaning |\n|---|---|---|\n");
        for (Setting<?> setting : Settings.all()) {
            table.append("| `").append(setting.name()).append("` | ").append(setting.defaultText()).append(" | ")
                    .append(setting.documentation()).append(" |\n");
        }
        return table.toString();
    }
}
