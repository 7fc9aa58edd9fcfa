package dev.mixlog.core.internal;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.MixlogCore.StatusSink;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.batch.Batcher;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.json.ByteSink;
import dev.mixlog.core.internal.json.EventWriter;
import dev.mixlog.core.internal.json.InsertIds;
import dev.mixlog.core.internal.json.UpdateWriter;
import dev.mixlog.core.internal.mapping.EventMapper;
import dev.mixlog.core.internal.mapping.MappedEvent;
import dev.mixlog.core.internal.mapping.MappedUpdate;
import dev.mixlog.core.internal.mapping.Operation;
import java.util.EnumMap;
import java.util.Map;

/**
 * The consumer's middle steps for one captured event: map it ({@link EventMapper}), sanitize and
 * serialize it ({@link EventWriter}, {@link UpdateWriter}), and add the record to the batcher of its
 * {@link RecordKind}. Batchers seal batches by count, size or age and keep them until the consumer
 * hands them over.
 */
final class Records<S> {
    private final EventMapper<S> mapper;
    private final EventWriter eventWriter;
    private final EventWriter identityWriter;
    private final UpdateWriter updateWriter;
    private final InsertIds insertIds = new InsertIds();
    /** By {@link RecordKind#ordinal()}: an array, as the consumer goes through it for every event. */
    private final Batcher[] batchers = new Batcher[RecordKind.values().length];
    private final Map<RecordKind, Route> routes = new EnumMap<>(RecordKind.class);
    private final boolean hasToken;
    private final StatusSink status;
    private boolean tokenMissingReported;

    Records(MixlogConfig config, LogEventReader<?, S> reader, MixlogStats stats, StatusSink status) {
        this.mapper = new EventMapper<>(reader, config);
        this.eventWriter = new EventWriter(config, stats);
        this.identityWriter = EventWriter.forIdentity(config, stats);
        String token = Recording.tokenOf(config);
        this.hasToken = token != null;
        this.updateWriter = new UpdateWriter(token, config.profileIgnoreTime(), config.maxStringLength(), stats);
        this.status = status;
        for (RecordKind kind : RecordKind.values()) {
            batchers[kind.ordinal()] = new Batcher(config.maxBatchEvents(), config.maxBatchBytes(), config.flushInterval().toNanos());
            routes.put(kind, kind.route(config));
        }
    }

    /** Turns the event into its record and batches it; false when it cannot be sent (count it as invalid). */
    boolean add(S event, long now) {
        Operation operation = mapper.operation(event);
        switch (operation.kind()) {
            case PROFILE:
                return hasToken() && addUpdate(RecordKind.PROFILES, mapper.mapUpdate(event, operation), now);
            case GROUP:
                return hasToken() && addUpdate(RecordKind.GROUPS, mapper.mapUpdate(event, operation), now);
            case IDENTIFY:
                return hasToken() && addEvent(RecordKind.IDENTITY, identityWriter, mapper.mapIdentify(event), now);
            default:
                return addEvent(RecordKind.EVENTS, eventWriter, mapper.map(event), now);
        }
    }

    private boolean addEvent(RecordKind kind, EventWriter writer, MappedEvent event, long now) {
        if (event == null) {
            return false;
        }
        String insertId = insertIds.next();
        ByteSink json = writer.write(event, insertId);
        return json != null && batchers[kind.ordinal()].add(json.array(), json.size(), event.name(), insertId, now);
    }

    private boolean addUpdate(RecordKind kind, MappedUpdate update, long now) {
        ByteSink json = updateWriter.write(update);
        return json != null && batchers[kind.ordinal()].add(json.array(), json.size(), update.operation().verb(), "", now);
    }

    private boolean hasToken() {
        if (!hasToken && !tokenMissingReported) {
            tokenMissingReported = true;
            status.error("profile, group and $identify updates need the project token: set token "
                    + "(they are dropped and counted as invalid until then)");
        }
        return hasToken;
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

    /** Events held in batches, open or sealed, not yet handed over. */
    long held() {
        long held = 0;
        for (Batcher batcher : batchers) {
            held += batcher.held();
        }
        return held;
    }
}
