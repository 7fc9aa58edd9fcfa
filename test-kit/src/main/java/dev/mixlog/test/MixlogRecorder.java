package dev.mixlog.test;

import dev.mixlog.core.diag.DropReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records, in memory, what every Mixlog appender of the JVM sends to Mixpanel while a test runs, so
 * the test asserts which events its code emits. Register it on a field:
 * <pre>{@code
 * @RegisterExtension
 * static final MixlogRecorder mixpanel = new MixlogRecorder();
 *
 * @Test
 * void signUpEmitsSignedUp() {
 *     accounts.signUp("u-1", "pro");
 *     RecordedEvent event = mixpanel.events("Signed Up").get(0);
 *     assertEquals("u-1", event.distinctId());
 *     assertEquals("pro", event.property("plan"));
 * }
 * }</pre>
 * While it is active (for the whole class on a static field, for each test on an instance field),
 * every Mixlog appender hands each batch to the kit instead of the network, whatever its
 * credentials, even without a token: the records exactly as they would have been sent, after
 * mapping, sanitizing and batching. Nothing leaves the machine. When the test's logging configuration
 * has no Mixlog appender, the kit attaches one with the default settings to the root logger of the
 * framework in use (Logback, else Log4j2) while recorders are active.
 * <p>
 * Each test sees what its own code logged, also when tests run in parallel: what its thread logs,
 * and what threads created during the test log; an event logged on another application thread is
 * the test's when that test is the only one running. {@link #events()}, {@link #profileUpdates()},
 * {@link #groupUpdates()} and {@link #dropped()} first flush what the appenders hold, so a test
 * asserts right after the code under test without waiting; {@link MixpanelAssertions} asserts with
 * messages that say what was recorded instead. Records keep the order of their batch; batches sent
 * at once (to different endpoints, or by several senders) are recorded in the order they arrive.
 */
public final class MixlogRecorder implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final RecordingHub HUB = RecordingHub.HUB;

    /** The class's scope, for a recorder on a static field; {@code null} otherwise. */
    private volatile Scope classScope;
    /** The scope of each of this recorder's tests running now, by JUnit's unique id. */
    private final Map<String, Scope> tests = new ConcurrentHashMap<>();
    /** The scope opened last, read from a thread that has none. */
    private volatile Scope latest;

    @Override
    public void beforeAll(ExtensionContext context) {
        HUB.join();
        classScope = HUB.open(nameOf(context), null);
        latest = classScope;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classScope == null) {
            HUB.join();
        } else {
            HUB.ensureAnAppender();
        }
        Scope scope = HUB.open(nameOf(context), classScope);
        tests.put(idOf(context), scope);
        latest = scope;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Scope scope = tests.remove(idOf(context));
        try {
            if (scope != null) {
                HUB.close(scope);
            }
        } finally {
            if (classScope == null) {
                HUB.leave();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Scope scope = classScope;
        classScope = null;
        try {
            if (scope != null) {
                HUB.close(scope);
            }
        } finally {
            HUB.leave();
        }
    }

    /** The events this test recorded ({@code /import} and {@code /track}), in the order recorded, after flushing the appenders. */
    public List<RecordedEvent> events() {
        return records().stream().filter(Recorded::isEvent).map(r -> new RecordedEvent(r.endpoint, r.json))
                .collect(Collectors.toUnmodifiableList());
    }

    /** This test's recorded events of this name, in the order recorded, after flushing the appenders. */
    public List<RecordedEvent> events(String name) {
        return events().stream().filter(event -> name.equals(event.name())).collect(Collectors.toUnmodifiableList());
    }

    /** The profile updates this test recorded ({@code /engage}), in the order recorded, after flushing the appenders. */
    public List<RecordedUpdate> profileUpdates() {
        return updates("/engage");
    }

    /** The group updates this test recorded ({@code /groups}), in the order recorded, after flushing the appenders. */
    public List<RecordedUpdate> groupUpdates() {
        return updates("/groups");
    }

    /**
     * The events the appenders dropped since this test began, by reason (those with none left out),
     * after flushing them: an event refused as {@link DropReason#INVALID}, for instance. Counted per
     * appender, so tests running at the same time see each other's drops here.
     */
    public Map<DropReason, Long> dropped() {
        HUB.flush();
        return scope().dropped();
    }

    /** How many events were dropped for this reason since this test began. */
    public long dropped(DropReason reason) {
        return dropped().getOrDefault(reason, 0L);
    }

    /** Forgets what this test recorded and dropped so far. */
    public void clear() {
        HUB.flush();
        scope().clear();
    }

    private List<RecordedUpdate> updates(String endpoint) {
        return records().stream().filter(r -> r.endpoint.equals(endpoint))
                .map(r -> new RecordedUpdate(r.endpoint, r.json)).collect(Collectors.toUnmodifiableList());
    }

    private List<Recorded> records() {
        HUB.flush();
        return scope().records();
    }

    private static String nameOf(ExtensionContext context) {
        return context == null ? "a test" : context.getDisplayName();
    }

    /** JUnit's id of the test; for a caller that runs the callbacks by hand, the thread's. */
    private static String idOf(ExtensionContext context) {
        return context == null ? "thread " + Thread.currentThread().getId() : context.getUniqueId();
    }

    /** The scope of the calling test: its thread's, or the one opened last when the thread has none of this recorder's. */
    private Scope scope() {
        Scope here = HUB.scopeOfThisThread();
        if (here != null && (here == classScope || tests.containsValue(here))) {
            return here;
        }
        Scope last = latest;
        if (last == null) {
            throw new IllegalStateException("this MixlogRecorder is not active: register it on a field with @RegisterExtension");
        }
        return last;
    }
}
