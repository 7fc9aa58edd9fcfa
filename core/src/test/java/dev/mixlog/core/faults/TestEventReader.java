package dev.mixlog.core.faults;

import dev.mixlog.core.LogEventReader;
import java.util.function.BiConsumer;

/** Reads {@link TestEvent}s: the name plays the event marker's part, the pairs the key-value pairs'. */
class TestEventReader implements LogEventReader<TestEvent, TestEvent> {
    static final TestEventReader INSTANCE = new TestEventReader();

    /** Every drill event is for Mixpanel: the drills exercise delivery, not selection. */
    @Override public boolean isMarked(TestEvent event) { return true; }
    @Override public boolean isBelowWarn(TestEvent event) { return !event.warn; }
    @Override public TestEvent capture(TestEvent event) { return event; }
    @Override public long estimatedBytes(TestEvent event) { return event.estimatedBytes; }
    @Override public long timestampMillis(TestEvent event) { return event.timeMillis; }
    @Override public String markerName(TestEvent event) { return event.name; }
    @Override public String messageTemplate(TestEvent event) { return "fault drill"; }
    @Override public String formattedMessage(TestEvent event) { return "fault drill"; }
    @Override public void forEachContextEntry(TestEvent event, BiConsumer<String, Object> action) { }
    @Override public void forEachKeyValue(TestEvent event, BiConsumer<String, Object> action) { event.pairs.forEach(action); }
    @Override public String level(TestEvent event) { return event.warn ? "WARN" : "INFO"; }
    @Override public String loggerName(TestEvent event) { return "com.example.Faults"; }
    @Override public String threadName(TestEvent event) { return "main"; }
    @Override public String exceptionClass(TestEvent event) { return null; }
    @Override public String exceptionMessage(TestEvent event) { return null; }
}
