package dev.mixlog.logback;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link ForkedLogging} in a JVM of its own, on the test classpath, and collects its output. */
final class ChildJvm {
    private static final long BOUND_SECONDS = 60;

    /** How the child ended. */
    static final class Result {
        final int exitCode;
        final String output;
        final long endedAtMillis;

        Result(int exitCode, String output, long endedAtMillis) {
            this.exitCode = exitCode;
            this.output = output;
            this.endedAtMillis = endedAtMillis;
        }

        /** When the child said it had logged everything ({@code logged <n> at <millis>}). */
        long loggedAtMillis() {
            for (String line : output.split("\\R")) {
                if (line.startsWith("logged ")) {
                    return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            throw new AssertionError("the child never finished logging:\n" + output);
        }
    }

    private ChildJvm() {
    }

    static Result run(String configuration, Map<String, String> properties, String... args)
            throws IOException, InterruptedException, URISyntaxException {
        Path output = Files.createTempFile("mixlog-child-", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-cp");
            command.add(classpath());
            command.add("-Dlogback.configurationFile="
                    + Path.of(ChildJvm.class.getResource("/logback/" + configuration).toURI()));
            properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.add(ForkedLogging.class.getName());
            command.addAll(List.of(args));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not exit within " + BOUND_SECONDS + " s:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            long endedAt = System.currentTimeMillis();
            return new Result(child.exitValue(), Files.readString(output, StandardCharsets.UTF_8), endedAt);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The test classpath: Surefire's own record of it when it launched this JVM through a manifest-only jar. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "")
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
