package dev.mixlog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core reads top-down: no two of its source files depend on each other through a chain of
 * references, whether by an import (another package) or by name (the same package), so the public
 * face sits above the pipeline and the pipeline's steps above the parts they use. Mutual use inside
 * one small package (a sender and its dispatcher) is allowed; a chain that leaves a package and comes
 * back is not.
 */
class ImportCyclesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern COMMENTS_AND_TEXT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z]\\w*\\b");

    @Test
    void noChainOfReferencesLeavesAPackageAndComesBack() throws IOException {
        Map<String, String> code = new TreeMap<>();
        Map<String, String> packageOf = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find()) {
                    continue;
                }
                String simple = file.getFileName().toString().replace(".java", "");
                if (simple.equals("package-info")) {
                    continue;
                }
                code.put(declared.group(1) + "." + simple, text);
                packageOf.put(declared.group(1) + "." + simple, declared.group(1));
            }
        }
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Map.Entry<String, String> file : code.entrySet()) {
            Set<String> used = new TreeSet<>();
            Matcher imported = IMPORT.matcher(file.getValue());
            while (imported.find()) {
                for (String name = imported.group(1); name.contains("."); name = name.substring(0, name.lastIndexOf('.'))) {
                    if (code.containsKey(name)) {
                        used.add(name);
                        break;
                    }
                }
            }
            String pkg = packageOf.get(file.getKey());
            Matcher word = WORD.matcher(COMMENTS_AND_TEXT.matcher(file.getValue()).replaceAll(" "));
            while (word.find()) {
                String sibling = pkg + "." + word.group();
                if (code.containsKey(sibling)) {
                    used.add(sibling);
                }
            }
            used.remove(file.getKey());
            uses.put(file.getKey(), used);
        }
        List<String> crossing = new ArrayList<>();
        for (Set<String> cycle : stronglyConnected(uses)) {
            Set<String> packages = cycle.stream().map(packageOf::get).collect(Collectors.toCollection(TreeSet::new));
            if (packages.size() > 1) {
                crossing.add(cycle.toString());
            }
        }
        assertEquals(List.of(), crossing, "files that depend on each other across packages");
    }

    /** Tarjan's strongly connected components of more than one file. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                visit(node, graph, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                              Deque<String> stack, Set<String> onStack, List<Set<String>> components, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                components.add(component);
            }
        }
    }
}
