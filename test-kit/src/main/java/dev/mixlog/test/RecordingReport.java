package dev.mixlog.test;

import dev.mixlog.core.diag.DropReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The message of a failed assertion: what the test was after, what it recorded instead (names with
 * counts, the closest name), what the appenders dropped and why, what no test owned, and the logger
 * levels that keep INFO events from any appender.
 */
final class RecordingReport {
    private final List<RecordedEvent> events;
    private final Map<DropReason, Long> dropped;
    private final int unowned;
    private final List<String> levelNotes;

    private RecordingReport(List<RecordedEvent> events, Map<DropReason, Long> dropped, int unowned, List<String> levelNotes) {
        this.events = events;
        this.dropped = dropped;
        this.unowned = unowned;
        this.levelNotes = levelNotes;
    }

    static RecordingReport of(MixlogRecorder recorder) {
        return new RecordingReport(recorder.events(), recorder.dropped(), RecordingHub.HUB.unowned().size(), Frameworks.levelNotes());
    }

    String missingEvent(String name) {
        return "expected an event named \"" + name + "\", but this test recorded " + (events.isEmpty() ? "no event at all" : "none")
                + "." + details(name);
    }

    String wrongCount(String name, int expected, int found) {
        return "expected " + expected + " event(s) named \"" + name + "\", but this test recorded " + found + "." + details(name);
    }

    String missingUpdate(String kind, String operation, List<RecordedUpdate> updates) {
        String recorded = updates.isEmpty() ? "none" : updates.stream().map(RecordedUpdate::json).collect(Collectors.joining("\n    ", "\n    ", ""));
        return "expected a " + kind + " update " + operation + ", but this test recorded " + (updates.isEmpty() ? "no " + kind
                + " update" : "other ones") + ".\n  " + kind + " updates recorded: " + recorded + details(null);
    }

    private String details(String wanted) {
        StringBuilder text = new StringBuilder();
        text.append("\n  events recorded: ").append(events.isEmpty() ? "none" : counts());
        String closest = wanted == null ? null : closest(wanted);
        if (closest != null) {
            text.append("\n  closest name: \"").append(closest).append('"');
        }
        text.append("\n  dropped while the test ran: ").append(dropped.isEmpty() ? "nothing" : describe(dropped));
        if (unowned > 0) {
            text.append("\n  recorded for no test: ").append(unowned).append(" record(s) in this JVM so far, logged on threads that "
                    + "no running test owned while tests ran side by side (a pool made before the test, a fork-join worker)");
        }
        levelNotes.forEach(note -> text.append("\n  ").append(note));
        return text.toString();
    }

    private String counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        events.forEach(event -> counts.merge(event.name(), 1, Integer::sum));
        return counts.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\" x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The recorded name nearest to the wanted one, when near enough to be a likely typo. */
    private String closest(String wanted) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (RecordedEvent event : events) {
            String name = event.name();
            if (name == null || name.equals(wanted)) {
                continue;
            }
            int distance = distance(wanted.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, wanted.length() / 3) ? best : null;
    }

    /** Levenshtein's edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String describe(Map<DropReason, Long> dropped) {
        return dropped.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT)
                + " (" + entry.getKey().description() + ")").collect(Collectors.joining(", "));
    }

    static String listed(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::json).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
