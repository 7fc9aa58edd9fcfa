package dev.mixlog.core.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Checks that the test class path holds the library versions the build (or a row of the CI matrix)
 * asked for: Surefire passes them as {@code mixlog.tested.<library>}, and the jar a class comes from
 * is named with its version.
 */
public final class TestedVersions {
    private TestedVersions() {
    }

    /** Asserts that {@code fromJar} was loaded from the jar of the version {@code mixlog.tested.<library>} names. */
    public static void assertLoaded(String library, Class<?> fromJar) {
        String expected = System.getProperty("mixlog.tested." + library);
        assertNotNull(expected, "Surefire sets mixlog.tested." + library);
        String jar = jarOf(fromJar);
        assertTrue(jar.endsWith("-" + expected + ".jar"), () -> fromJar.getName() + " came from " + jar + ", not " + library
                + " " + expected);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new AssertionError("where " + type.getName() + " came from", e);
        }
    }
}
