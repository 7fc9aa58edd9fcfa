package dev.mixlog.core.internal.spool;

import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The spooled batches one request carries: consecutive files of one kind, oldest first, taken
 * together up to Mixpanel's limits, so that a spool of many small batches (a low event rate, a
 * small {@code maxBatchEvents}) is replayed in few requests. Owned by the sender that took it.
 */
public final class SpooledRequest {
    private final RecordKind kind;
    private final List<SpooledBatch> members;
    /** Each member's batch once read back, or {@code null}. */
    private final Batch[] loaded;
    /** Each member the spool dealt with while reading it back (nothing readable, or gone): not removed again. */
    private final boolean[] dealtWith;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    SpooledRequest(List<SpooledBatch> members) {
        this.kind = members.get(0).kind();
        this.members = List.copyOf(members);
        this.loaded = new Batch[members.size()];
        this.dealtWith = new boolean[members.size()];
        // a flush waits on the members it saw waiting: they settle with the request
        settled.whenComplete((done, failed) -> this.members.forEach(member -> member.settled().complete(null)));
    }

    public RecordKind kind() {
        return kind;
    }

    /**
     * The events this request still answers for: those of the members the spool has not dealt with
     * while reading them back (a member gone or unreadable is counted there already).
     */
    public int eventsNotDealtWith() {
        int events = 0;
        for (int i = 0; i < members.size(); i++) {
            if (!dealtWith[i]) {
                events += members.get(i).events();
            }
        }
        return events;
    }

    /** Completes once the request is settled, or kept for the next start; then so does each member. */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    List<SpooledBatch> members() {
        return members;
    }

    boolean needsLoading(int member) {
        return loaded[member] == null && !dealtWith[member];
    }

    void loaded(int member, Batch batch) {
        if (batch == null) {
            dealtWith[member] = true;
        } else {
            loaded[member] = batch;
        }
    }

    boolean dealtWith(int member) {
        return dealtWith[member];
    }

    /** The batches read back so far, as one; {@code null} when none could be read. */
    Batch joined() {
        List<Batch> batches = new ArrayList<>(loaded.length);
        for (Batch batch : loaded) {
            if (batch != null) {
                batches.add(batch);
            }
        }
        return batches.isEmpty() ? null : Batch.joined(batches);
    }

    @Override
    public String toString() {
        return members.size() + " spooled batches " + members;
    }
}
