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

    private final InheritableThreadLocal<ThreadScope> current = new InheritableThreadLocal<>();
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
        if (--users > 0) {
            return;
        }
        try {
            flush();
            detach();
            Frameworks.restoreLevels();
        } finally {
            DeliverySeam.remove(this);
            synchronized (unowned) {
                unowned.clear();
            }
        }
    }

    /**
     * Gives the running configuration a Mixlog appender when it has none (one with the default
     * settings on the root logger of the framework in use, until the last recorder leaves), and lets
     * marked events through whatever the levels ({@link Frameworks#letMarkedEventsThrough()}).
     * Checked as each test begins, since a test framework (Spring Boot) may have started logging anew.
     */
    synchronized void ensureAnAppender() {
        if (attached != null && !attached.isRunning()) {
            attached = null;
        }
        if (attached == null && DeliverySeam.runningCores().isEmpty()) {
            attached = Frameworks.attachDefaultAppender();
        }
        Frameworks.letMarkedEventsThrough();
    }

    private void detach() {
        if (attached != null) {
            attached.detach();
            attached = null;
        }
    }

    /** Opens a scope on the calling thread (and the threads it creates from now on); returns it. */
    Scope open(String name, Scope parent) {
        Scope scope = new Scope(name, parent);
        if (parent != null) {
            parent.childOpened();
        }
        open.add(scope);
        current.set(new ThreadScope(scope, Thread.currentThread(), current.get()));
        return scope;
    }

    /** Delivers what the appenders hold, then closes the scope; the calling thread goes back to what it had before. */
    void close(Scope scope) {
        flush();
        scope.close();
        open.remove(scope);
        if (scope.parent != null) {
            scope.parent.childClosed();
        }
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
        Object tag = tagOfThisThread();
        return tag instanceof Scope && ((Scope) tag).isOpen() ? (Scope) tag : null;
    }

    /** Has every running appender hand over what it holds. */
    void flush() {
        for (DeliverySeam.Core core : DeliverySeam.runningCores()) {
            core.flush(FLUSH_BOUND);
        }
    }

    /** The records no test owned, kept for messages (the latest {@value #UNOWNED_KEPT}). */
    List<Recorded> unowned() {
        synchronized (unowned) {
            return new ArrayList<>(unowned);
        }
    }

    @Override
    public Object tagOfThisThread() {
        ThreadScope here = current.get();
        Thread thread = Thread.currentThread();
        if (thread instanceof ForkJoinWorkerThread && (here == null || here.setOn != thread)) {
            // a pool's worker (JUnit's own, a parallel stream's) inherits whatever its creator ran: it is no test's
            return POOL_WORKER;
        }
        return here == null ? null : here.scope;
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

    /** The scope a record belongs to: its thread's, if open; else the one test running, if only one runs. */
    private Scope ownerOf(Object tag) {
        if (tag == POOL_WORKER) {
            return null;
        }
        if (tag instanceof Scope && ((Scope) tag).isOpen()) {
            Scope scope = (Scope) tag;
            return scope.hasOpenChildren() ? onlyRunning() : scope;
        }
        return onlyRunning();
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

    /** The scope a thread logs for, the thread it was set on, and what that thread had before. */
    private static final class ThreadScope {
        final Scope scope;
        final Thread setOn;
        final ThreadScope before;

        ThreadScope(Scope scope, Thread setOn, ThreadScope before) {
            this.scope = scope;
            this.setOn = setOn;
            this.before = before;
        }
    }
}
