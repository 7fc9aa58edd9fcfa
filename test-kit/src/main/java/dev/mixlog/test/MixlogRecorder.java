package dev.mixlog.test;

import dev.mixlog.core.diag.DropReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The scope of each class this recorder records for (a static field: the class, and its nested classes), by JUnit's id. */
    private final Map<String, Scope> classes = new ConcurrentHashMap<>();
    /** The scope of each of this recorder's tests running now, by JUnit's id. */
    private final Map<String, TestScope> tests = new ConcurrentHashMap<>();
    /** The scope opened last, read from a thread that has none. */
    private volatile Scope latest;

    @Override
    public void beforeAll(ExtensionContext context) {
        HUB.join();
        try {
            Scope scope = HUB.open(nameOf(context), classAbove(context), true);
            classes.put(idOf(context), scope);
            latest = scope;
        } catch (RuntimeException | Error e) {
            HUB.leave();
            throw e;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // a recorder on an instance field has no class scope: it joins for each test
        boolean joins = classes.isEmpty();
        if (joins) {
            HUB.join();
        } else {
            HUB.ensureAnAppender();
        }
        try {
            Scope scope = HUB.open(nameOf(context), classAbove(context), false);
            tests.put(idOf(context), new TestScope(scope, joins));
            latest = scope;
        } catch (RuntimeException | Error e) {
            if (joins) {
                HUB.leave();
            }
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // only what this recorder's beforeEach opened: JUnit calls afterEach also when an earlier extension's beforeEach threw
        TestScope test = tests.remove(idOf(context));
        if (test == null) {
            return;
        }
        try {
            HUB.close(test.scope);
        } finally {
            if (test.joined) {
                HUB.leave();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Scope scope = classes.remove(idOf(context));
        if (scope == null) {
            return;
        }
        try {
            HUB.close(scope);
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

    /** The scope of the nearest enclosing class this recorder records for, or {@code null}. */
    private Scope classAbove(ExtensionContext context) {
        Optional<ExtensionContext> above = context == null ? Optional.empty() : context.getParent();
        while (above.isPresent()) {
            Scope scope = classes.get(above.get().getUniqueId());
            if (scope != null) {
                return scope;
            }
            above = above.get().getParent();
        }
        return null;
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
        if (here != null && (classes.containsValue(here) || tests.values().stream().anyMatch(test -> test.scope == here))) {
            return here;
        }
        Scope last = latest;
        if (last == null) {
            throw new IllegalStateException("this MixlogRecorder is not active: register it on a field with @RegisterExtension");
        }
        return last;
    }

    /** A test's scope, and whether the recorder joined the hub for it (a recorder on an instance field). */
    private static final class TestScope {
        final Scope scope;
        final boolean joined;

        TestScope(Scope scope, boolean joined) {
            this.scope = scope;
            this.joined = joined;
        }
    }
}
