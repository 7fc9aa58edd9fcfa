package dev.mixlog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of {@code mixlog-core} is what the API table of docs/api.md lists, package by package, and
 * stays at 19 types or fewer (what an appender uses, and {@code RecordTransport}, the one way out
 * other than HTTP that a module such as {@code mixlog-kafka} provides); everything else is
 * package-private or under {@code dev.mixlog.core.internal}.
 */
class PublicApiTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path PAGE = Path.of("..", "docs", "api.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.mixlog\\.core[\\w.]*)` \\| (.*?) \\|", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("`(\\w+)`");

    @Test
    void theReadmeListsEveryPublicTypeAndTheyAreAtMost19() throws IOException {
        Map<String, TreeSet<String>> inCode = publicTypes();
        Map<String, TreeSet<String>> inReadme = readmeTable();
        assertEquals(inCode, inReadme, "public types of mixlog-core (outside .internal) against docs/api.md's API table");
        int count = inCode.values().stream().mapToInt(TreeSet::size).sum();
        assertTrue(count <= 19, "mixlog-core has " + count + " public types: " + inCode);
    }

    private static Map<String, TreeSet<String>> publicTypes() throws IOException {
        Map<String, TreeSet<String>> types = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains("$") || name.endsWith("package-info") || name.startsWith("dev.mixlog.core.internal")) {
                    continue;
                }
                Class<?> type = load(name);
                if (Modifier.isPublic(type.getModifiers())) {
                    types.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(type.getSimpleName());
                }
            }
        }
        return types;
    }

    private static Map<String, TreeSet<String>> readmeTable() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Map<String, TreeSet<String>> types = new TreeMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            Matcher type = TYPE.matcher(row.group(2).replaceAll("\\(.*?\\)", ""));
            while (type.find()) {
                types.computeIfAbsent(row.group(1), p -> new TreeSet<>()).add(type.group(1));
            }
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
