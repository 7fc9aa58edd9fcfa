package dev.mixlog.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds an installed JDK of a given feature release, so that tests run child JVMs on each JDK users
 * run (17 and 25 here): {@code JAVA<n>_HOME} or {@code JDK<n>_HOME} if set, else the JDK that runs the
 * tests if it is that release, else a JDK under {@code /usr/lib/jvm}, {@code /usr/java} or {@code /opt}
 * whose {@code release} file names it.
 */
public final class Jdks {
    private static final List<Path> INSTALL_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt"));

    private Jdks() {
    }

    public static Optional<Path> find(int feature) {
        for (String variable : List.of("JAVA" + feature + "_HOME", "JDK" + feature + "_HOME")) {
            String home = System.getenv(variable);
            if (home != null && isRelease(Path.of(home), feature)) {
                return Optional.of(Path.of(home));
            }
        }
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() == feature) {
            return Optional.of(current);
        }
        for (Path root : INSTALL_ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> homes = Files.list(root)) {
                for (Path home : homes.sorted().collect(Collectors.toList())) {
                    if (isRelease(home, feature)) {
                        return Optional.of(home);
                    }
                }
            } catch (IOException unreadable) {
                // look in the next place
            }
        }
        return Optional.empty();
    }

    /** Whether the folder holds a JDK (bin/java and a release file) of this feature release. */
    private static boolean isRelease(Path home, int feature) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return version.equals(String.valueOf(feature)) || version.startsWith(feature + ".");
                }
            }
        } catch (IOException unreadable) {
            return false;
        }
        return false;
    }
}
