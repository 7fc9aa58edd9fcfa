package dev.mixlog.core.internal;

import com.lmax.disruptor.EventPoller;
import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.batch.Batcher;
import dev.mixlog.core.internal.capture.Intake;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.json.ByteSink;
import dev.mixlog.core.internal.json.EventWriter;
import dev.mixlog.core.internal.json.InsertIds;
import dev.mixlog.core.internal.json.UpdateWriter;
import dev.mixlog.core.internal.mapping.EventMapper;
import dev.mixlog.core.internal.mapping.MappedEvent;
import dev.mixlog.core.internal.mapping.MappedUpdate;
import dev.mixlog.core.internal.mapping.Operation;
import dev.mixlog.core.internal.mapping.PropertyList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The consumer's work on each event it takes from the ring: map it ({@link EventMapper}), sanitize
 * and serialize it ({@link EventWriter}, {@link UpdateWriter}), and add the record to the batcher of
 * its {@link RecordKind}. Batchers seal batches by count, size or age and keep them until the
 * consumer loop hands them over. Owned by the consumer thread.
 */
@SuppressWarnings("rawtypes") // a raw poller handler: see Intake.drain
final class Records<S> implements EventPoller.Handler {
    /** Events taken per chunk at most, so that slots are handed back to producers while the consumer works. */
    private static final int DRAIN_CHUNK = 512;

    private final Intake<S> intake;
    private final Counters stats;
    private final ConsumerWarnings warnings;
    private final EventMapper<S> mapper;
    private final EventWriter eventWriter;
    private final EventWriter identityWriter;
    private final UpdateWriter updateWriter;
    private final InsertIds insertIds = new InsertIds();
    /** By {@link RecordKind#ordinal()}: an array, as the consumer goes through it for every event. */
    private final Batcher[] batchers = new Batcher[RecordKind.values().length];
    private final Map<RecordKind, Route> routes = new EnumMap<>(RecordKind.class);
    private final boolean hasToken;
    private final String distinctIdKey;
    private final StatusSink status;
    private boolean tokenMissingReported;
    /** Events taken in the current chunk ({@link #takeChunk}). */
    private int chunkTaken;
    /** Whether every event taken is now counted as not delivered before shutdown (see {@link #dropFromNowOn}). */
    private boolean dropping;
    /** The events the consumer counts itself: claimed in {@link #ledger} before each is counted. */
    private final ConsumerLedger ledger;
    private final SlowEvents slowEvents = new SlowEvents();
    private final IdentityWatch identityWatch;
    private final HotShardWatch hotShards;
    private final boolean hotShardDrop;
    private final Set<String> groupKeys;
    /**
     * When the event now being turned into JSON started, or 0 between events: read by a stop that
     * abandons this thread, to say where it is stuck (a plain field: the reading needs no precision).
     */
    private long eventStarted;

    Records(MixlogConfig config, String token, Intake<S> intake, LogEventReader<?, S> reader, Counters stats, StatusSink status,
            ConsumerWarnings warnings, ConsumerLedger ledger) {
        this.intake = intake;
        this.ledger = ledger;
        this.stats = stats;
        this.warnings = warnings;
        this.mapper = new EventMapper<>(reader, config);
        this.distinctIdKey = config.distinctIdKey();
        this.identityWatch = new IdentityWatch(distinctIdKey, config.reportInterval());
        this.hotShards = new HotShardWatch(config.hotShardLimit());
        this.hotShardDrop = config.hotShardDrop();
        this.groupKeys = config.groupKeys();
        this.eventWriter = EventWriter.forEvents(config, token, stats);
        this.identityWriter = EventWriter.forIdentity(config, token, stats);
        this.hasToken = token != null;
        this.updateWriter = new UpdateWriter(token, config.profileIgnoreTime(), config.maxStringLength(), stats);
        this.status = status;
        for (RecordKind kind : RecordKind.values()) {
            batchers[kind.ordinal()] = new Batcher(config.maxBatchEvents(), config.maxBatchBytes(), config.flushInterval().toNanos());
            routes.put(kind, kind.route(config));
        }
    }

    /**
     * Takes up to a chunk of events from the ring, and fewer once a batch is sealed (so that its slots
     * are released first); returns how many.
     */
    int takeChunk() {
        chunkTaken = 0;
        intake.drain(this);
        return chunkTaken;
    }

    /**
     * One polled event, from the ring to its batch; returns false once a batch is sealed or a chunk
     * is taken. Never throws: whatever one event raises, even an {@code Error}, drops that event
     * alone (counted as invalid). The steps (map, write, batch) are called from this one method on
     * purpose: the JIT compiles every method that runs once per event as a root of its own, and each
     * such root compiles again whatever steps it inlines, so a frame between the ring and the steps
     * would compile the whole path once more (measured: about 450 ms of compilation while a process
     * warms up). Profile and group updates, and events without a token, take methods of their own.
     */
    @Override
    public boolean onEvent(Object slot, long sequence, boolean endOfBatch) {
        if (++chunkTaken == 1) {
            slowEvents.chunkStarts();
        }
        Object tag = intake.tagOf(slot);
        S event = intake.take(slot);
        stats.recordCaptured(1);
        if (dropping || ledger.closed()) {
            // a stop that cannot hand batches over, or one that abandoned this thread and counted what it held
            dropping = true;
            if (ledger.claim(1)) {
                stats.recordDropped(DropReason.SHUTDOWN, 1);
            }
            return chunkTaken < DRAIN_CHUNK;
        }
        long started = System.nanoTime();
        eventStarted = started;
        boolean added = false;
        try {
            Operation operation = mapper.operation(event);
            Operation.Kind kind = operation.kind();
            if (kind == Operation.Kind.PROFILE || kind == Operation.Kind.GROUP) {
                added = addUpdate(event, operation, tag, started);
            } else {
                boolean identify = kind == Operation.Kind.IDENTIFY;
                MappedEvent mapped = identify ? mapIdentify(event) : mapper.map(event);
                if (mapped != null) {
                    String insertId = insertIds.forEvent(mapper.insertId(event));
                    EventWriter writer = identify ? identityWriter : eventWriter;
                    ByteSink json = writer.write(mapped, insertId);
                    RecordKind recordKind = identify ? RecordKind.IDENTITY : RecordKind.EVENTS;
                    if (json != null && pastHotShardLimit(writer.writtenDistinctId(), mapped) && hotShardDrop) {
                        // counted here, as the batcher counts what it takes
                        if (ledger.claim(1)) {
                            stats.recordDropped(DropReason.HOT_SHARD, 1);
                        }
                        added = true;
                    } else {
                        added = json != null
                                && batchers[recordKind.ordinal()].add(json.array(), json.size(), mapped.name(), insertId, tag, started);
                    }
                    if (added && !identify) {
                        watchIdentity(mapped, started);
                    }
                }
            }
        } catch (Throwable e) {
            warnings.warn("could not turn a log event into a Mixpanel event (dropped, counted as invalid): "
                    + SafeStatus.describe(e));
        }
        if (!added && ledger.claim(1)) {
            stats.recordDropped(DropReason.INVALID, 1);
        }
        eventStarted = 0;
        long took = System.nanoTime() - started;
        if (slowEvents.slow(took)) {
            warnSlow(took);
        }
        return chunkTaken < DRAIN_CHUNK && !anySealed();
    }

    /**
     * Counts the event for its {@code distinct_id} and the values of its group keys; returns whether
     * one of them is past the day's limit (the event then counted as past it).
     */
    private boolean pastHotShardLimit(String distinctId, MappedEvent mapped) {
        boolean past = !distinctId.isEmpty() && hotShards.countUser(distinctId, mapped.timeMillis());
        if (!groupKeys.isEmpty()) {
            PropertyList properties = mapped.properties();
            for (int i = 0; i < properties.size(); i++) {
                Object value = properties.value(i);
                if (value != null && groupKeys.contains(properties.key(i))) {
                    past |= hotShards.countGroup(properties.key(i), String.valueOf(value), mapped.timeMillis());
                }
            }
        }
        String warning = hotShards.takeWarning();
        if (warning != null) {
            status.warn(warning);
        }
        if (past) {
            stats.recordPastHotShardLimit();
        }
        return past;
    }

    private void watchIdentity(MappedEvent mapped, long now) {
        boolean anonymous = eventWriter.wroteAnonymous();
        if (anonymous) {
            stats.recordWithoutDistinctId();
        }
        String warning = identityWatch.sent(anonymous, mapped.properties(), now);
        if (warning != null) {
            status.warn(warning);
        }
    }

    private MappedEvent mapIdentify(S event) {
        return hasToken() ? mapper.mapIdentify(event) : null;
    }

    private boolean addUpdate(S event, Operation operation, Object tag, long now) {
        if (!hasToken()) {
            return false;
        }
        RecordKind kind = operation.kind() == Operation.Kind.GROUP ? RecordKind.GROUPS : RecordKind.PROFILES;
        MappedUpdate update = mapper.mapUpdate(event, operation);
        ByteSink json = updateWriter.write(update);
        if (json == null) {
            warnings.warn(unsentUpdate(operation));
            return false;
        }
        return batchers[kind.ordinal()].add(json.array(), json.size(), update.operation().verb(), "", tag, now);
    }

    /** Why an update could not be sent, and where its id and values come from. */
    private String unsentUpdate(Operation operation) {
        boolean group = operation.kind() == Operation.Kind.GROUP;
        return "a " + (group ? "group " : "profile ") + operation.verb() + " update could not be sent (dropped, counted as invalid): "
                + (group ? "it needs the group id under " + operation.groupKey() : "it needs the profile's id under " + distinctIdKey)
                + (operation.verb().equals("$delete") ? "" : ", and values: the event's key-value pairs (SLF4J's addKeyValue, "
                + "a Log4j2 MapMessage's fields; MDC and ThreadContext entries are not taken as values)")
                + ", and at most 1 MB once serialized";
    }

    private boolean hasToken() {
        if (!hasToken && !tokenMissingReported) {
            tokenMissingReported = true;
            status.error("profile, group and $identify updates need the project token: set token "
                    + "(they are dropped and counted as invalid until then)");
        }
        return hasToken;
    }

    private void warnSlow(long tookNanos) {
        warnings.warn("turning one log event into a Mixpanel event took " + TimeUnit.NANOSECONDS.toMillis(tookNanos)
                + " ms on the consumer thread (a slow toString() of a logged value?); events wait meanwhile, "
                + "and are dropped as ring buffer full once it fills");
    }

    /** From now on, every event taken is counted as not delivered before shutdown (a stop that cannot hand batches over). */
    /** Milliseconds the consumer has spent on its current event (a logged value's rendering), or -1 between events. */
    long msOnCurrentEvent() {
        long started = eventStarted;
        return started == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    void dropFromNowOn() {
        dropping = true;
    }

    boolean dropping() {
        return dropping;
    }

    Batcher batcher(RecordKind kind) {
        return batchers[kind.ordinal()];
    }

    Route route(RecordKind kind) {
        return routes.get(kind);
    }

    /** Whether some batcher holds a sealed batch not yet handed over. */
    boolean anySealed() {
        for (Batcher batcher : batchers) {
            if (batcher.hasSealed()) {
                return true;
            }
        }
        return false;
    }

    /** Seals the batches whose age reached {@code flushInterval}. */
    void sealDue(long now) {
        for (Batcher batcher : batchers) {
            batcher.flushIfDue(now);
        }
    }

    /** Seals every open batch. */
    void sealAll() {
        for (Batcher batcher : batchers) {
            batcher.flush();
        }
    }

    /** Nanoseconds until the next open batch is due. */
    long nanosUntilDue(long now) {
        long soonest = Long.MAX_VALUE;
        for (Batcher batcher : batchers) {
            soonest = Math.min(soonest, batcher.nanosUntilDue(now));
        }
        return soonest;
    }

    /**
     * Counts the events held in batches, open or sealed, as not delivered before shutdown (a stop that
     * cannot hand them over), unless the stop has counted them already.
     */
    void dropHeld() {
        long held = held();
        if (held > 0 && ledger.claim(held)) {
            stats.recordDropped(DropReason.SHUTDOWN, held);
        }
    }

    /** Events held in batches, open or sealed, not yet handed over. */
    private long held() {
        long held = 0;
        for (Batcher batcher : batchers) {
            held += batcher.held();
        }
        return held;
    }
}
