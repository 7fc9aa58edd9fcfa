package dev.mixlog.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a JVM of its own, with its own options, and collects its output. */
public final class ChildJvm {
    private static final long BOUND_SECONDS = 120;

    /** How the child ended. */
    public static final class Result {
        public final int exitCode;
        public final String output;
        public final long endedAtMillis;

        Result(int exitCode, String output, long endedAtMillis) {
            this.exitCode = exitCode;
            this.output = output;
            this.endedAtMillis = endedAtMillis;
        }

        /** The value of the first output line {@code <key> <value>}, failing when there is none. */
        public String line(String key) {
            for (String line : output.split("\\R")) {
                if (line.startsWith(key + " ")) {
                    return line.substring(key.length() + 1).trim();
                }
            }
            throw new AssertionError("the child printed no '" + key + "' line:\n" + output);
        }

        public long number(String key) {
            return Long.parseLong(line(key));
        }
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with these JVM options (heap size, system properties) and arguments;
     * fails when it does not end within {@value #BOUND_SECONDS} s.
     */
    public static Result run(Class<?> mainClass, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.home")), mainClass, jvmOptions, args);
    }

    /** As {@link #run(Class, List, String...)}, on the JDK installed at {@code javaHome}. */
    public static Result run(Path javaHome, Class<?> mainClass, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("mixlog-child-", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath());
            command.add(mainClass.getName());
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
