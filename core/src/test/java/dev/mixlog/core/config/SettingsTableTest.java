package dev.mixlog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The settings table of docs/configuration.md is the descriptors' own: one row per {@link Setting}, in order, with its
 * default and its sentence. Run with {@code -Dmixlog.docs.write=true} to write the table from the
 * descriptors after changing one.
 */
class SettingsTableTest {
    private static final Path PAGE = Path.of("..", "docs", "configuration.md");
    private static final String HEADING = "## Settings\n\n";

    @Test
    void theReadmeTableIsTheDescriptors() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf(HEADING) + HEADING.length();
        int end = page.indexOf("\n\n", start);
        String written = page.substring(start, end + 1);
        String expected = table();
        if (!expected.equals(written) && Boolean.getBoolean("mixlog.docs.write")) {
            Files.writeString(PAGE, page.substring(0, start) + expected + page.substring(end + 1), StandardCharsets.UTF_8);
            written = expected;
        }
        assertEquals(expected, written, "docs/configuration.md's settings table; -Dmixlog.docs.write=true writes it from Settings");
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
