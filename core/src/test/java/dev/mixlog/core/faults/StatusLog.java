package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mixlog.core.StatusSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The status channel of a core under test: every message, prefixed with its level. */
final class StatusLog implements StatusSink {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override public void info(String message) { messages.add("INFO " + message); }
    @Override public void warn(String message) { messages.add("WARN " + message); }
    @Override public void error(String message) { messages.add("ERROR " + message); }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The messages containing this text. */
    List<String> containing(String text) {
        return messages.stream().filter(message -> message.contains(text)).collect(Collectors.toList());
    }

    /** Asserts that no message shows any of these values. */
    void assertShowsNone(List<String> secrets) {
        for (String message : messages) {
            for (String secret : secrets) {
                assertFalse(message.contains(secret), () -> "a status message shows a secret: " + message);
            }
        }
    }

    @Override
    public String toString() {
        return String.join("\n", messages);
    }
}
