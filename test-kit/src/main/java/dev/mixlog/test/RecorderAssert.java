package dev.mixlog.test;

import dev.mixlog.core.diag.DropReason;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Assertions on everything one test recorded; made by {@link MixpanelAssertions#assertThat(MixlogRecorder)}. */
public final class RecorderAssert {
    private final MixlogRecorder recorder;

    RecorderAssert(MixlogRecorder recorder) {
        this.recorder = recorder;
    }

    /** Fails unless the test recorded at least one event of this name; goes on with those events. */
    public EventAssert hasEvent(String name) {
        List<RecordedEvent> events = recorder.events(name);
        if (events.isEmpty()) {
            throw new AssertionError(RecordingReport.of(recorder).missingEvent(name));
        }
        return new EventAssert(recorder, name, events);
    }

    /** Fails unless the test recorded exactly this many events of this name. */
    public RecorderAssert hasEvents(String name, int count) {
        int found = recorder.events(name).size();
        if (found != count) {
            throw new AssertionError(RecordingReport.of(recorder).wrongCount(name, count, found));
        }
        return this;
    }

    /** Fails if the test recorded an event of this name. */
    public RecorderAssert hasNoEvent(String name) {
        List<RecordedEvent> events = recorder.events(name);
        if (!events.isEmpty()) {
            throw new AssertionError("expected no event named \"" + name + "\", but this test recorded " + events.size()
                    + ": " + events.stream().map(RecordedEvent::json).collect(Collectors.joining("\n  ", "\n  ", "")));
        }
        return this;
    }

    /** Fails unless the test recorded a profile update with this operation ({@code $set}, {@code $add}, ...); goes on with those. */
    public UpdateAssert hasProfileUpdate(String operation) {
        return updates("profile", recorder.profileUpdates(), operation);
    }

    /** Fails unless the test recorded a group update with this operation; goes on with those. */
    public UpdateAssert hasGroupUpdate(String operation) {
        return updates("group", recorder.groupUpdates(), operation);
    }

    /** Fails if the appenders dropped any event while the test ran, naming the reasons. */
    public RecorderAssert droppedNothing() {
        Map<DropReason, Long> dropped = recorder.dropped();
        if (!dropped.isEmpty()) {
            throw new AssertionError("expected no event dropped, but the appenders dropped " + RecordingReport.describe(dropped));
        }
        return this;
    }

    private UpdateAssert updates(String kind, List<RecordedUpdate> all, String operation) {
        List<RecordedUpdate> matching = all.stream().filter(update -> operation.equals(update.operation()))
                .collect(Collectors.toList());
        if (matching.isEmpty()) {
            throw new AssertionError(RecordingReport.of(recorder).missingUpdate(kind, operation, all));
        }
        return new UpdateAssert(kind + " update " + operation, matching);
    }
}
