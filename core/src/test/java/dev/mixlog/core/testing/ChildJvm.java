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
            Process child = new ProcessBuilder(command(javaHome, mainClass, jvmOptions, args))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
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

    /** A child JVM still running: its process, and the file its output goes to. */
    public static final class Running {
        public final Process process;
        public final Path output;

        Running(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        /** What it has printed so far. */
        public String outputSoFar() throws IOException {
            return Files.readString(output, StandardCharsets.UTF_8);
        }
    }

    /** Starts {@code mainClass} as {@link #run(Class, List, String...)} does, and returns while it runs; the caller ends it. */
    public static Running start(Class<?> mainClass, List<String> jvmOptions, String... args) throws IOException {
        Path output = Files.createTempFile("mixlog-child-", ".log");
        output.toFile().deleteOnExit();
        List<String> command = command(Path.of(System.getProperty("java.home")), mainClass, jvmOptions, args);
        return new Running(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(), output);
    }

    private static List<String> command(Path javaHome, Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The test classpath: Surefire's own record of it when it launched this JVM through a manifest-only jar. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "")
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
