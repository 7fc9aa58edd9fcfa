package dev.mixlog.benchmarks.receiver;

import java.util.concurrent.atomic.LongAdder;

/** What one receiver has taken in: requests, events, and request bytes as they came over the wire. */
final class Tally {
    private final String name;
    private final LongAdder requests = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder bodyBytes = new LongAdder();
    private final LongAdder headerBytes = new LongAdder();

    Tally(String name) {
        this.name = name;
    }

    void record(long eventCount, long body, long headers) {
        requests.increment();
        events.add(eventCount);
        bodyBytes.add(body);
        headerBytes.add(headers);
    }

    /** Events counted so far. */
    long events() {
        return events.sum();
    }

    /** {@code name.key=value} lines, as served by {@link StatsHandler}. */
    void appendTo(StringBuilder text) {
        text.append(name).append(".requests=").append(requests.sum()).append('\n')
                .append(name).append(".events=").append(events.sum()).append('\n')
                .append(name).append(".bodyBytes=").append(bodyBytes.sum()).append('\n')
                .append(name).append(".headerBytes=").append(headerBytes.sum()).append('\n');
    }
}
