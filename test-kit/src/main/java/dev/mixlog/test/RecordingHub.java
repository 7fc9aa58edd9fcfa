package dev.mixlog.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The kit's one replacement of the network, installed while any {@link MixlogRecorder} is active
 * (recorders of classes running side by side share it), which gives each record to the test that
 * logged it. A test's thread carries its {@link Scope}, and so does each thread created while the
 * test runs (as an inheritable thread-local): an event logged there is the test's. An event logged
 * on another application thread (a pool made before the test) goes to the one test running, and,
 * while several run at once, to none of them. An event logged on a fork-join worker that no test set
 * its scope on (JUnit's own workers running a test without a recorder, a parallel stream) is no
 * test's. What no test owns is kept aside, and named in failure messages.
 */
final class RecordingHub implements DeliverySeam.Replacement {
    static final RecordingHub HUB = new RecordingHub();

    /** Longest wait for the appenders to hand over what they hold: far above what a test needs. */
    private static final Duration FLUSH_BOUND = Duration.ofSeconds(30);
    /** How many records that no test owned are kept for messages. */
    private static final int UNOWNED_KEPT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tag of a fork-join worker's events when no test set a scope on that worker: they are no test's. */
    private static final Object POOL_WORKER = new Object();

    private final InheritableThreadLocal<ThreadScope> current = new InheritableThreadLocal<>() {
        @Override
        protected ThreadScope childValue(ThreadScope parent) {
            return parent == null ? null : parent.inherited();
        }
    };
    private final Set<Scope> open = ConcurrentHashMap.newKeySet();
    private final Deque<Recorded> unowned = new ArrayDeque<>();
    /** Active recorders; guarded by this. */
    private int users;
    private DefaultAppender attached;

    private RecordingHub() {
    }

    /** A recorder becomes active: the first one installs the hub and starts the logging frameworks. */
    synchronized void join() {
        if (users++ == 0) {
            DeliverySeam.install(this);
            Frameworks.initialize();
        }
        ensureAnAppender();
    }

    /** A recorder is done: after the last one, the hub and the appender it attached go. */
    synchronized void leave() {
        if (users == 0 || --users > 0) {
            return;
        }
        try {
            flush();
            detach();
        } finally {
            DeliverySeam.remove(this);
            synchronized (unowned) {
                unowned.clear();
            }
        }
    }

    /**
     * Gives the running configuration a Mixlog appender when it has none (one with the default
     * settings on the root logger of the framework in use, until the last recorder leaves); marked
     * events pass the levels there as in production (unless an appender declares followLevels=true).
     * Checked as each test begins, since a test framework (Spring Boot) may have started logging anew.
     */
    synchronized void ensureAnAppender() {
        if (attached != null && !attached.isRunning()) {
            attached = null;
        }
        if (attached == null && DeliverySeam.runningCores().stream().noneMatch(DeliverySeam.Core::takesEvents)) {
            attached = Frameworks.attachDefaultAppender();
        }
    }

    /**
     * Takes away the appender the hub attached, if any, before a Spring Boot application's own appender
     * is attached for a test (which would otherwise take it for one its logging configuration declares).
     * {@link #ensureAnAppender()} attaches it again only if the application has none.
     */
    synchronized void detachDefaultAppender() {
        detach();
    }

    private void detach() {
        if (attached != null) {
            attached.detach();
            attached = null;
        }
    }

    /**
     * Opens a scope on the calling thread (and the threads it creates from now on), once what the
     * appenders hold is delivered (so that the scope starts empty); returns it.
     *
     * @param forAClass whether it is a class's scope (what the class logs outside its tests)
     */
    Scope open(String name, Scope parent, boolean forAClass) {
        flush();
        Scope scope = new Scope(name, parent, forAClass);
        open.add(scope);
        if (parent != null) {
            parent.childOpened();
        }
        current.set(new ThreadScope(scope, current.get(), false));
        return scope;
    }

    /**
     * Delivers what the appenders hold, then closes the scope and forgets its records; the calling
     * thread goes back to what it had before.
     */
    void close(Scope scope) {
        flush();
        if (scope.parent != null) {
            scope.parent.childClosed();
        }
        scope.close();
        open.remove(scope);
        ThreadScope here = current.get();
        if (here != null && here.scope == scope) {
            if (here.before == null) {
                current.remove();
            } else {
                current.set(here.before);
            }
        }
    }

    /** The open scope of the calling thread, or {@code null}. */
    Scope scopeOfThisThread() {
        ThreadScope here = current.get();
        return here != null && here.scope.isOpen() ? here.scope : null;
    }

    /** Has every running appender hand over what it holds. */
    void flush() {
        for (DeliverySeam.Core core : DeliverySeam.runningCores()) {
            core.flush(FLUSH_BOUND);
        }
    }

    /** The records no test owned in this JVM while recorders were active, kept for messages (the latest {@value #UNOWNED_KEPT}). */
    List<Recorded> unowned() {
        synchronized (unowned) {
            return new ArrayList<>(unowned);
        }
    }

    @Override
    public Object tagOfThisThread() {
        ThreadScope here = current.get();
        if ((here == null || here.inherited) && Thread.currentThread() instanceof ForkJoinWorkerThread) {
            // a pool's worker (JUnit's own, a parallel stream's) inherits whatever its creator ran: it is no test's
            return POOL_WORKER;
        }
        return here;
    }

    @Override
    public void take(String endpoint, byte[] json, Object[] tags) {
        JsonNode batch;
        try {
            batch = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Mixlog sent a body that is not JSON to " + endpoint, e);
        }
        for (int i = 0; i < batch.size(); i++) {
            Recorded record = new Recorded(endpoint, batch.get(i));
            Scope owner = ownerOf(i < tags.length ? tags[i] : null);
            if (owner != null) {
                owner.add(record);
            } else {
                keepUnowned(record);
            }
        }
    }

    @Override
    public void started(DeliverySeam.Core core) {
        // read through DeliverySeam.runningCores() when needed
    }

    /**
     * The scope a record belongs to, or {@code null} for none:
     * <ul>
     * <li>a test's scope, open, when its thread (or a thread created during the test) logged it;</li>
     * <li>a class's scope, when its thread logged it and no other scope is open (a worker that ran a
     * class's {@code @BeforeAll} may run another class's test meanwhile);</li>
     * <li>for a thread with no open scope, the one scope open, if only one is;</li>
     * <li>none for a thread whose own scope has closed (a test's thread after the test), a pool's
     * worker, or an event read back from the spool.</li>
     * </ul>
     */
    private Scope ownerOf(Object tag) {
        if (tag == null) {
            return onlyRunning();
        }
        if (!(tag instanceof ThreadScope)) {
            return null;
        }
        ThreadScope logged = (ThreadScope) tag;
        Scope scope = logged.scope;
        if (!scope.isOpen()) {
            return logged.inherited ? onlyRunning() : null;
        }
        if (scope.forAClass) {
            return onlyRunning() == scope ? scope : null;
        }
        return scope;
    }

    private Scope onlyRunning() {
        Scope only = null;
        for (Scope scope : open) {
            if (scope.isOpen() && !scope.hasOpenChildren()) {
                if (only != null) {
                    return null;
                }
                only = scope;
            }
        }
        return only;
    }

    private void keepUnowned(Recorded record) {
        synchronized (unowned) {
            if (unowned.size() == UNOWNED_KEPT) {
                unowned.removeFirst();
            }
            unowned.addLast(record);
        }
    }

    /**
     * The scope a thread logs for, what that thread had before, and whether it was set on this thread
     * or inherited from the thread that created it. Also the tag of the events the thread logs.
     */
    private static final class ThreadScope {
        final Scope scope;
        final ThreadScope before;
        final boolean inherited;

        ThreadScope(Scope scope, ThreadScope before, boolean inherited) {
            this.scope = scope;
            this.before = before;
            this.inherited = inherited;
        }

        /** As a thread created now inherits it: the scope alone, nothing to go back to. */
        ThreadScope inherited() {
            return new ThreadScope(scope, null, true);
        }
    }
}
