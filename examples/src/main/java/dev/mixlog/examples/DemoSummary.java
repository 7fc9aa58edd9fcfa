package dev.mixlog.examples;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.examples.receiver.ReceiverStats;
import dev.mixlog.examples.receiver.UpdateStats;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of one demo run: the framework it logged through, what was logged, what arrived, the
 * appender's counters and any problems.
 */
public final class DemoSummary {
    private final String target;
    private final boolean local;
    private final LoggingFramework framework;
    private final TrafficTally logged;
    private final ReceiverStats received;
    private final MixlogStats appenderStats;
    private final List<String> problems;
    private final Duration elapsed;

    DemoSummary(DemoTarget target, LoggingFramework framework, TrafficTally logged, ReceiverStats received,
                MixlogStats appenderStats, List<String> problems, Duration elapsed) {
        this.target = target.describe();
        this.local = target.local();
        this.framework = framework;
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
    /** The logging framework the demo logged through. */
    public LoggingFramework framework() { return framework; }
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

    /**
     * Whether every product event, profile update and group update was delivered, and (locally)
     * received, exactly once.
     */
    public boolean allDelivered() {
        if (appenderStats == null || appenderStats.delivered() != logged.records() || appenderStats.droppedTotal() != 0) {
            return false;
        }
        return received == null || (received.events() == logged.events() && received.duplicateInsertIds() == 0
                && arrivedOnce(received.profileUpdates(), logged.profileUpdates())
                && arrivedOnce(received.groupUpdates(), logged.groupUpdates()));
    }

    private static boolean arrivedOnce(UpdateStats updates, long logged) {
        return updates.accepted() == logged && updates.duplicates() == 0;
    }
}
