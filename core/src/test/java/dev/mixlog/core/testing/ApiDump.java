package dev.mixlog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one published artifact as text, a line per public type, constructor, method and
 * field (protected ones too), as the compiled classes declare them: what users compile against. Each
 * module keeps it in {@code api/<artifact>.api}; its test compares the two, so every API change is a
 * line in a commit. Run a module's tests with {@code -Dmixlog.api.write=true} to rewrite the file
 * after an intended change. No line may name a type under an {@code .internal.} package.
 */
public final class ApiDump {
    private static final String WRITE_PROPERTY = "mixlog.api.write";
    /** Set to false by CI's rows that run the compiled tests again with other framework versions on the class path. */
    private static final String CHECK_PROPERTY = "mixlog.api.check";

    private ApiDump() {
    }

    /** Whether this run checks the API: not in a rerun with other versions on the class path than the build's. */
    public static boolean checked() {
        return !"false".equals(System.getProperty(CHECK_PROPERTY));
    }

    /**
     * Checks the API of the artifact holding {@code anchor} against the committed dump, and that it
     * names no internal type.
     */
    public static void check(Class<?> anchor, Path dumpFile) throws IOException {
        List<String> lines = of(anchor);
        List<String> internal = lines.stream().filter(line -> line.contains(".internal.")).collect(Collectors.toList());
        if (!internal.isEmpty()) {
            fail("public signatures name internal types:\n  " + String.join("\n  ", internal));
        }
        String dump = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(dumpFile.getParent());
            Files.writeString(dumpFile, dump, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(dumpFile) ? Files.readString(dumpFile, StandardCharsets.UTF_8) : "";
        assertEquals(committed, dump, "the public API differs from " + dumpFile + " (after an intended change, run the "
                + "module's tests with -D" + WRITE_PROPERTY + "=true and commit the file)");
    }

    /** The API lines of the artifact (a jar or a classes directory) that holds {@code anchor}, sorted. */
    public static List<String> of(Class<?> anchor) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (String name : classNames(anchor)) {
            if (name.contains(".internal.") || name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IOException("cannot load " + name, e);
            }
            if (!visible(type)) {
                continue;
            }
            String owner = type.getName().replace('$', '.');
            lines.add(owner + ": " + declaration(type));
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (exposed(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    lines.add(owner + ": " + modifiers(constructor.getModifiers()) + "new" + typeParameters(constructor.getTypeParameters())
                            + parameters(constructor.getGenericParameterTypes(), constructor.isVarArgs())
                            + exceptions(constructor.getGenericExceptionTypes()));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (exposed(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                    int modifiers = method.getModifiers() & ~Modifier.TRANSIENT & ~Modifier.VOLATILE
                            & (type.isInterface() ? ~Modifier.ABSTRACT : ~0);
                    lines.add(owner + ": " + modifiers(modifiers) + (method.isDefault() ? "default " : "")
                            + typeParameters(method.getTypeParameters()) + name(method.getGenericReturnType()) + " "
                            + method.getName() + parameters(method.getGenericParameterTypes(), method.isVarArgs())
                            + exceptions(method.getGenericExceptionTypes()));
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (exposed(field.getModifiers()) && !field.isSynthetic()) {
                    lines.add(owner + ": " + modifiers(field.getModifiers()) + name(field.getGenericType()) + " " + field.getName());
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /** A type users can name: public, and every type around it public too. */
    private static boolean visible(Class<?> type) {
        for (Class<?> at = type; at != null; at = at.getDeclaringClass()) {
            if (!Modifier.isPublic(at.getModifiers()) || at.isAnonymousClass() || at.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers);
        return text.isEmpty() ? "" : text + " ";
    }

    private static String name(Type type) {
        return type.getTypeName().replace('$', '.');
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Stream.of(variables).map(variable -> variable.getName() + bounds(variable.getBounds()))
                .collect(Collectors.joining(", ", "<", "> "));
    }

    private static String bounds(Type[] bounds) {
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return "";
        }
        return " extends " + Stream.of(bounds).map(ApiDump::name).collect(Collectors.joining(" & "));
    }

    private static String parameters(Type[] types, boolean varArgs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = name(types[i]);
            if (varArgs && i == types.length - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String exceptions(Type[] types) {
        return types.length == 0 ? "" : Stream.of(types).map(ApiDump::name).collect(Collectors.joining(", ", " throws ", ""));
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String declaration(Class<?> type) {
        int modifiers = type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.ABSTRACT & ~Modifier.SYNCHRONIZED;
        if (type.isInterface() || type.isEnum()) {
            modifiers &= ~Modifier.STATIC & ~Modifier.FINAL;
        }
        StringBuilder text = new StringBuilder(Modifier.toString(modifiers));
        text.append(text.length() == 0 ? "" : " ");
        if (type.isAnnotation()) {
            text.append("@interface");
        } else if (type.isInterface()) {
            text.append("interface");
        } else if (type.isEnum()) {
            text.append("enum");
        } else {
            text.append(Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class");
        }
        text.append(' ').append(type.getName().replace('$', '.')).append(typeParameters(type.getTypeParameters()).trim());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()) {
            text.append(" extends ").append(type.getGenericSuperclass().getTypeName().replace('$', '.'));
        }
        String interfaces = Stream.of(type.getGenericInterfaces()).map(t -> t.getTypeName().replace('$', '.'))
                .collect(Collectors.joining(", "));
        if (!interfaces.isEmpty()) {
            text.append(type.isInterface() ? " extends " : " implements ").append(interfaces);
        }
        return text.toString();
    }

    private static List<String> classNames(Class<?> anchor) throws IOException {
        Path location;
        try {
            location = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                    String relative = location.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    names.add(relative.substring(0, relative.length() - ".class".length()));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String entry = entries.nextElement().getName();
                    if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        }
        return names;
    }
}
