package dev.mixlog.logback;

import dev.mixlog.core.testing.ChildJvm;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@link ForkedLogging} in a JVM of its own, configured by a test {@code logback.xml}. */
final class ForkedLogback {
    private ForkedLogback() {
    }

    static ChildJvm.Result run(String configuration, Map<String, String> properties, String... args)
            throws IOException, InterruptedException, URISyntaxException {
        return ChildJvm.run(ForkedLogging.class, options(configuration, properties), args);
    }

    /** As {@link #run}, returning while the child runs. */
    static ChildJvm.Running start(String configuration, Map<String, String> properties, String... args)
            throws IOException, URISyntaxException {
        return ChildJvm.start(ForkedLogging.class, options(configuration, properties), args);
    }

    private static List<String> options(String configuration, Map<String, String> properties) throws URISyntaxException {
        List<String> options = new ArrayList<>();
        options.add("-Xmx256m");
        options.add("-Dlogback.configurationFile=" + Path.of(ForkedLogback.class.getResource("/logback/" + configuration).toURI()));
        properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        return options;
    }

    /** When the child said it had logged everything ({@code logged <n> at <millis>}). */
    static long loggedAtMillis(ChildJvm.Result child) {
        String logged = child.line("logged");
        return Long.parseLong(logged.substring(logged.lastIndexOf(' ') + 1));
    }
}
