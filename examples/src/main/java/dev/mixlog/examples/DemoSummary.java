package dev.mixlog.examples;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.examples.receiver.ReceiverStats;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of one demo run: what was logged, what arrived, the appender's counters and any problems. */
public final class DemoSummary {
    private final String target;
    private final boolean local;
    private final TrafficTally logged;
    private final ReceiverStats received;
    private final MixlogStats appenderStats;
    private final List<String> problems;
    private final Duration elapsed;

    DemoSummary(DemoTarget target, TrafficTally logged, ReceiverStats received, MixlogStats appenderStats,
                List<String> problems, Duration elapsed) {
        this.target = target.describe();
        this.local = target.local();
        this.logged = logged;
        this.received = received;
        this.appenderStats = appenderStats;
        this.problems = problems.stream().map(target::redact).collect(Collectors.toUnmodifiableList());
        this.elapsed = elapsed;
    }

    /** Where the events were sent, in words. */
    public String target() { return target; }
    /** Whether they went to the embedded receiver. */
    public boolean local() { return local; }
    /** What the demo logged. */
    public TrafficTally logged() { return logged; }
    /** What the embedded receiver got; empty when events went to Mixpanel. */
    public Optional<ReceiverStats> received() { return Optional.ofNullable(received); }
    /** The Mixpanel appender's counters; empty when it did not start. */
    public Optional<MixlogStats> appenderStats() { return Optional.ofNullable(appenderStats); }
    /** Warning and error status messages, credentials hidden. */
    public List<String> problems() { return problems; }
    /** Time from the first log call until the appender had stopped. */
    public Duration elapsed() { return elapsed; }

    /** Whether every product event was delivered, and (locally) received, exactly once. */
    public boolean allDelivered() {
        if (appenderStats == null || appenderStats.delivered() != logged.events() || appenderStats.droppedTotal() != 0) {
            return false;
        }
        return received == null || (received.events() == logged.events() && received.duplicateInsertIds() == 0);
    }
}
