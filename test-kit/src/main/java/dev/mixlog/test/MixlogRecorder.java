package dev.mixlog.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * every Mixlog appender hands each batch to the recorder instead of the network, whatever its
 * credentials, even without a token: the records exactly as they would have been sent, after
 * mapping, sanitizing and batching. Nothing leaves the machine. When the test's logging configuration
 * has no Mixlog appender, the recorder attaches one with the default settings to the root logger of
 * the framework in use (Logback, else Log4j2) and removes it afterwards.
 * <p>
 * {@link #events()}, {@link #profileUpdates()}, {@link #groupUpdates()} and {@link #dropped()} first
 * flush what the appenders hold, so a test asserts right after the code under test without waiting.
 * What was recorded is cleared before each test. Records keep the order of their batch; batches
 * sent at once (to different endpoints, or by several senders) are recorded in the order they arrive.
 */
public final class MixlogRecorder implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Longest wait for the appenders to hand over what they hold: far above what a test needs. */
    private static final Duration FLUSH_BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliverySeam.Replacement recorder = new DeliverySeam.Replacement() {
        @Override
        public void take(String endpoint, byte[] json) {
            MixlogRecorder.this.record(endpoint, json);
        }

        @Override
        public void started(DeliverySeam.Core core) {
            adopt(core);
        }
    };
    /** The batches as recorded: endpoint and the records of its JSON array. */
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
    /** Every core seen while active, with its drop counts when the current test began. */
    private final Map<DeliverySeam.Core, Map<DropReason, Long>> cores = Collections.synchronizedMap(new IdentityHashMap<>());
    private boolean forTheClass;
    private boolean active;
    private DefaultAppender attached;

    @Override
    public void beforeAll(ExtensionContext context) {
        forTheClass = true;
        activate();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (active) {
            clear();
        } else {
            activate();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!forTheClass) {
            deactivate();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        deactivate();
    }

    /** The events recorded ({@code /import} and {@code /track}), in the order recorded, after flushing the appenders. */
    public List<RecordedEvent> events() {
        flush();
        return records().stream().filter(r -> r.endpoint.equals("/import") || r.endpoint.equals("/track"))
                .map(r -> new RecordedEvent(r.endpoint, r.json)).collect(Collectors.toUnmodifiableList());
    }

    /** The recorded events of this name, in the order recorded, after flushing the appenders. */
    public List<RecordedEvent> events(String name) {
        return events().stream().filter(event -> name.equals(event.name())).collect(Collectors.toUnmodifiableList());
    }

    /** The profile updates recorded ({@code /engage}), in the order recorded, after flushing the appenders. */
    public List<RecordedUpdate> profileUpdates() {
        return updates("/engage");
    }

    /** The group updates recorded ({@code /groups}), in the order recorded, after flushing the appenders. */
    public List<RecordedUpdate> groupUpdates() {
        return updates("/groups");
    }

    /**
     * The events the appenders dropped during this test, by reason (those with none left out), after
     * flushing them: an event refused as {@link DropReason#INVALID}, for instance.
     */
    public Map<DropReason, Long> dropped() {
        flush();
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        synchronized (cores) {
            cores.forEach((core, before) -> {
                for (DropReason reason : DropReason.values()) {
                    long count = core.stats().dropped(reason) - before.getOrDefault(reason, 0L);
                    if (count > 0) {
                        dropped.merge(reason, count, Long::sum);
                    }
                }
            });
        }
        return Collections.unmodifiableMap(dropped);
    }

    /** How many events were dropped for this reason during this test. */
    public long dropped(DropReason reason) {
        return dropped().getOrDefault(reason, 0L);
    }

    /** Forgets what was recorded and dropped so far (done before each test). */
    public void clear() {
        flush();
        recorded.clear();
        synchronized (cores) {
            cores.replaceAll((core, before) -> dropCounts(core));
        }
    }

    private List<RecordedUpdate> updates(String endpoint) {
        flush();
        return records().stream().filter(r -> r.endpoint.equals(endpoint))
                .map(r -> new RecordedUpdate(r.endpoint, r.json)).collect(Collectors.toUnmodifiableList());
    }

    private List<Recorded> records() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }

    private void activate() {
        active = true;
        DeliverySeam.install(recorder);
        Frameworks.initialize();
        DeliverySeam.runningCores().forEach(this::adopt);
        if (cores.isEmpty()) {
            attached = Frameworks.attachDefaultAppender();
        }
    }

    private void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        try {
            flush();
            if (attached != null) {
                attached.detach();
                attached = null;
            }
        } finally {
            DeliverySeam.remove(recorder);
            recorded.clear();
            cores.clear();
        }
    }

    private void adopt(DeliverySeam.Core core) {
        cores.putIfAbsent(core, dropCounts(core));
    }

    private static Map<DropReason, Long> dropCounts(DeliverySeam.Core core) {
        Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            counts.put(reason, core.stats().dropped(reason));
        }
        return counts;
    }

    /** Has every appender hand over what it holds. */
    private void flush() {
        List<DeliverySeam.Core> running;
        synchronized (cores) {
            running = new ArrayList<>(cores.keySet());
        }
        for (DeliverySeam.Core core : running) {
            core.flush(FLUSH_BOUND);
        }
    }

    /** Called on Mixlog's sender threads with one batch. */
    private void record(String endpoint, byte[] json) {
        JsonNode batch;
        try {
            batch = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Mixlog sent a body that is not JSON to " + endpoint, e);
        }
        synchronized (recorded) {
            batch.forEach(record -> recorded.add(new Recorded(endpoint, record)));
        }
    }

    /** One record and the endpoint it went to. */
    private static final class Recorded {
        final String endpoint;
        final JsonNode json;

        Recorded(String endpoint, JsonNode json) {
            this.endpoint = endpoint;
            this.json = json;
        }
    }
}
