package dev.mixlog.test.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.test.MixlogRecorder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every class of the kit's suites that holds a {@link MixlogRecorder} opens no socket: a JFR recording
 * of every socket read and write of the JVM (threshold 0) runs while the class runs, and the class
 * fails if it holds any. Registered for every class by JUnit's extension auto-detection.
 */
public final class NoSocketsCheck implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> SOCKET_EVENTS = List.of("jdk.SocketRead", "jdk.SocketWrite");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoSocketsCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!holdsARecorder(context.getRequiredTestClass())) {
            return;
        }
        Recording recording = new Recording();
        for (String type : SOCKET_EVENTS) {
            recording.enable(type).withThreshold(Duration.ZERO).withStackTrace();
        }
        recording.start();
        context.getStore(NAMESPACE).put(Recording.class, recording);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        Recording recording = context.getStore(NAMESPACE).remove(Recording.class, Recording.class);
        if (recording == null) {
            return;
        }
        Path dump = Files.createTempFile("no-sockets", ".jfr");
        try {
            recording.stop();
            recording.dump(dump);
            List<String> uses = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
                String type = event.getEventType().getName();
                if (SOCKET_EVENTS.contains(type)) { // JUnit 6 records events of its own in every recording
                    uses.add(type + " " + event.getString("host") + ":" + event.getInt("port") + " on "
                            + event.getThread().getJavaName());
                }
            }
            assertEquals(List.of(), uses, "sockets used while " + context.getDisplayName() + " recorded");
        } finally {
            recording.close();
            Files.deleteIfExists(dump);
        }
    }

    private static boolean holdsARecorder(Class<?> testClass) {
        for (Field field : testClass.getDeclaredFields()) {
            if (MixlogRecorder.class.isAssignableFrom(field.getType())) {
                return true;
            }
        }
        return false;
    }
}
