package dev.mixlog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compatibility table of docs/compatibility.md lists exactly the combinations CI runs: one row per row of
 * {@code .ci/matrix.tsv}, the build's default versions (the root {@code pom.xml}) replaced by the row's.
 * Run with {@code -Dmixlog.docs.write=true} to write the table after changing the matrix.
 */
class CompatibilityTableTest {
    private static final Path PAGE = Path.of("..", "docs", "compatibility.md");
    private static final Path MATRIX = Path.of("..", ".ci", "matrix.tsv");
    private static final Path POM = Path.of("..", "pom.xml");
    private static final String HEADING = "## Compatibility\n\n";
    /** The libraries in the table, by the Maven property that names their version. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("logback.version", "Logback");
        LIBRARIES.put("log4j2.version", "Log4j2");
        LIBRARIES.put("jackson.version", "jackson-core");
        LIBRARIES.put("disruptor.version", "Disruptor");
        LIBRARIES.put("logstash.version", "logstash-logback-encoder");
    }

    @Test
    void theReadmeTableIsTheCiMatrix() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int heading = page.indexOf(HEADING);
        assertTrue(heading >= 0, "docs/compatibility.md has a Compatibility section");
        int start = heading + HEADING.length();
        int end = page.indexOf("\n\n", start);
        String written = page.substring(start, end + 1);
        String expected = table();
        if (!expected.equals(written) && Boolean.getBoolean("mixlog.docs.write")) {
            Files.writeString(PAGE, page.substring(0, start) + expected + page.substring(end + 1), StandardCharsets.UTF_8);
            written = expected;
        }
        assertEquals(expected, written, "docs/compatibility.md's table; -Dmixlog.docs.write=true writes it from .ci/matrix.tsv");
    }

    private static String table() throws IOException {
        Map<String, String> defaults = defaultVersions();
        StringBuilder table = new StringBuilder("| JDK | " + String.join(" | ", LIBRARIES.values()) + " | modules | tests |\n|");
        table.append("---|".repeat(LIBRARIES.size() + 3)).append('\n');
        for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t");
            assertEquals(4, row.length, "four tab-separated columns: " + line);
            Map<String, String> versions = new LinkedHashMap<>(defaults);
            if (!row[1].equals("defaults")) {
                for (String property : row[1].split(" ")) {
                    String[] pair = property.split("=", 2);
                    versions.put(pair[0], pair[1]);
                }
            }
            table.append("| ").append(row[0]);
            for (String library : LIBRARIES.keySet()) {
                table.append(" | ").append(uses(row[2], library) ? versions.get(library) : "–");
            }
            table.append(" | ").append(row[2].equals("all") ? "all" : quoted(List.of(row[2].split(","))))
                    .append(" | ").append(tests(row[3])).append(" |\n");
        }
        return table.toString();
    }

    /** Whether the row's modules run on this library: Logback, Log4j2 and logstash-logback-encoder only where their appender (or everything) runs. */
    private static boolean uses(String modules, String library) {
        switch (library) {
            case "logback.version": return modules.equals("all") || modules.contains("logback-appender");
            case "log4j2.version": return modules.equals("all") || modules.contains("log4j2-appender");
            case "logstash.version": return modules.equals("all") || modules.contains("logback-appender");
            default: return true;
        }
    }

    private static String tests(String pattern) {
        if (pattern.equals("all")) {
            return "all";
        }
        List<String> excluded = new ArrayList<>();
        List<String> included = new ArrayList<>();
        for (String part : pattern.split(",")) {
            if (part.startsWith("!")) {
                excluded.add(part.substring(1));
            } else {
                included.add(part);
            }
        }
        String text = included.isEmpty() ? "all" : quoted(included);
        return excluded.isEmpty() ? text : text + " but " + quoted(excluded);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static Map<String, String> defaultVersions() throws IOException {
        String pom = Files.readString(POM, StandardCharsets.UTF_8);
        Map<String, String> versions = new LinkedHashMap<>();
        for (String property : LIBRARIES.keySet()) {
            Matcher value = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
            assertTrue(value.find(), property + " in pom.xml");
            versions.put(property, value.group(1));
        }
        return versions;
    }
}
